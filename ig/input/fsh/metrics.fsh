// The group's metrics (医共体监测指标): one Measure each, evaluated by the server's $evaluate-measure over its
// own database (no CQL engine: the definitions below are implemented in org.onesheet.metrics, one query each).
// Periods are calendar days in Asia/Shanghai. "Residents" are persons (an MDM golden record, or a registration
// not yet linked) registered at a primary-level member (village clinic, township or community centre).

RuleSet: MeasureCommon
* status = #active
* experimental = false
* publisher = "OneSheet"
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Organization
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator

RuleSet: ProportionMeasure
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase

Instance: county-visit-rate
InstanceOf: Measure
Title: "County visit rate (县域就诊率)"
Usage: #definition
* url = "http://onesheet.org/fhir/Measure/county-visit-rate"
* name = "CountyVisitRate"
* title = "County visit rate (县域就诊率)"
* insert MeasureCommon
* insert ProportionMeasure
* description = """
Share of the group's residents' visits made inside the county (national monitoring: 县域内就诊人次 / 县域居民就诊总人次).
Numerator: Encounters (not cancelled, `Encounter.period.start` in the period) of residents whose `serviceProvider` is a
member of the group. Denominator: all Encounters of residents in the period, wherever recorded (a visit to a
hospital outside the group is an Encounter whose serviceProvider is not a member). Sources: Encounter,
Patient.managingOrganization, Organization.partOf. Stratified by the township of residence.
"""
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Encounters of residents at members of the group"
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Encounters of residents anywhere"
* group[0].stratifier[0].code.text = "township"

Instance: primary-care-share
InstanceOf: Measure
Title: "Share of visits at primary level (基层诊疗量占比)"
Usage: #definition
* url = "http://onesheet.org/fhir/Measure/primary-care-share"
* name = "PrimaryCareShare"
* title = "Share of visits at primary level (基层诊疗量占比)"
* insert MeasureCommon
* insert ProportionMeasure
* description = """
Share of the group's visits made at township centres and village clinics (national monitoring: 基层医疗卫生机构诊疗人次 /
医共体总诊疗人次). Numerator: Encounters in the period whose serviceProvider is a township centre, community centre or
village clinic of the group. Denominator: Encounters in the period at any member. Sources: Encounter,
Organization.type (institution-level), Organization.partOf. Stratified by member organisation.
"""
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Encounters at primary-level members"
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Encounters at any member"
* group[0].stratifier[0].code.text = "member"

Instance: downward-referral-share
InstanceOf: Measure
Title: "Downward referral share of the leading hospital (下转患者占比)"
Usage: #definition
* url = "http://onesheet.org/fhir/Measure/downward-referral-share"
* name = "DownwardReferralShare"
* title = "Downward referral share of the leading hospital (下转患者占比)"
* insert MeasureCommon
* insert ProportionMeasure
* description = """
Share of the leading hospital's patients referred down (national monitoring: 牵头医院下转患者人次 / 牵头医院门急诊及出院人次).
Numerator: referral Tasks authored in the period (not draft, cancelled or entered in error) whose requester is the county
hospital or one of its departments and whose ServiceRequest has direction `down`. Denominator: Encounters in the period
at the county hospital or its departments. Sources: Task, ServiceRequest (referral-direction), Encounter.
"""
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Downward referrals requested by the leading hospital"
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Encounters at the leading hospital"

Instance: upward-referral-count
InstanceOf: Measure
Title: "Upward referrals (上转人次)"
Usage: #definition
* url = "http://onesheet.org/fhir/Measure/upward-referral-count"
* name = "UpwardReferralCount"
* title = "Upward referrals (上转人次)"
* status = #active
* experimental = false
* publisher = "OneSheet"
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Organization
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#cohort
* description = """
How many upward referrals members sent. Population: referral Tasks authored in the period (not draft, cancelled or
entered in error) whose ServiceRequest has direction `up`. Sources: Task, ServiceRequest (referral-direction).
Stratified by the referring organisation (Task.requester).
"""
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Upward referral Tasks"
* group[0].stratifier[0].code.text = "requester"

Instance: contract-coverage
InstanceOf: Measure
Title: "Family doctor contract coverage (家庭医生签约覆盖率)"
Usage: #definition
* url = "http://onesheet.org/fhir/Measure/contract-coverage"
* name = "ContractCoverage"
* title = "Family doctor contract coverage (家庭医生签约覆盖率)"
* insert MeasureCommon
* insert ProportionMeasure
* description = """
Share of residents with a family doctor contract (national monitoring: 签约人数 / 常住人口数), overall and for the key
groups. Numerator: residents with an active FamilyDoctorContract (EpisodeOfCare, type family-doctor) whose period
covers the last day of the period. Denominator: residents. Key groups: aged 65 or over on the last day (Patient.birthDate),
pregnant women (an active Condition ICD-10 Z33, pregnant state) and 2+3 patients (an active ChronicCarePlan). Sources:
Patient, EpisodeOfCare, Condition, CarePlan, MDM links. Stratified by key
group and by township of residence.
"""
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Residents with an active contract"
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Residents"
* group[0].stratifier[0].code.text = "key-population"
* group[0].stratifier[1].code.text = "township"

Instance: chronic-control-rate
InstanceOf: Measure
Title: "2+3 control rate (两病三病控制率)"
Usage: #definition
* url = "http://onesheet.org/fhir/Measure/chronic-control-rate"
* name = "ChronicControlRate"
* title = "2+3 control rate (两病三病控制率)"
* insert MeasureCommon
* insert ProportionMeasure
* description = """
Share of chronic plans graded green on the last day of the period. Denominator: the grade Flags (category chronic-grade)
in force on that day, one per plan, so past periods count the grade each plan had then. Numerator: those graded green.
Sources: Flag (period, code: grade and programme), Patient.managingOrganization. Stratified by programme (disease),
and by township of residence and grade (the tri-colour counts).
"""
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Plans graded green"
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Graded plans"
* group[0].stratifier[0].code.text = "programme"
* group[0].stratifier[1].code.text = "township-grade"

Instance: reading-turnaround
InstanceOf: Measure
Title: "Remote-reading turnaround (远程诊断出报告时长)"
Usage: #definition
* url = "http://onesheet.org/fhir/Measure/reading-turnaround"
* name = "ReadingTurnaround"
* title = "Remote-reading turnaround (远程诊断出报告时长)"
* status = #active
* experimental = false
* publisher = "OneSheet"
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Organization
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#continuous-variable
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#decrease
* description = """
Minutes from a remote-reading request to its final report: the median (group 1) and the 90th percentile (group 2,
nearest rank). Population: remote-reading Tasks authored in the period that carry the reading-turnaround extension
(written when the final report arrives). Sources: Task (authored-on, reading-turnaround).
"""
* group[0].code.text = "median"
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Read studies"
* group[1].code.text = "p90"
* group[1].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[1].population[0].criteria.language = #text/plain
* group[1].population[0].criteria.expression = "Read studies"

Instance: referral-acceptance-time
InstanceOf: Measure
Title: "Referral acceptance time (转诊接收时长)"
Usage: #definition
* url = "http://onesheet.org/fhir/Measure/referral-acceptance-time"
* name = "ReferralAcceptanceTime"
* title = "Referral acceptance time (转诊接收时长)"
* status = #active
* experimental = false
* publisher = "OneSheet"
* subjectCodeableConcept = http://hl7.org/fhir/resource-types#Organization
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#continuous-variable
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#decrease
* description = """
Hours from a referral being sent (Task.authoredOn) to its acceptance (Task.executionPeriod.start, stamped by the
server when the receiving organisation accepts): median (group 1) and 90th percentile (group 2, nearest rank), over
referral Tasks accepted in the period. Sources: Task (authored-on, period).
"""
* group[0].code.text = "median"
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Accepted referrals"
* group[1].code.text = "p90"
* group[1].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[1].population[0].criteria.language = #text/plain
* group[1].population[0].criteria.expression = "Accepted referrals"

Instance: task-reading-turnaround
InstanceOf: SearchParameter
Title: "Task: remote-reading turnaround"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/task-reading-turnaround"
* name = "reading-turnaround"
* status = #active
* experimental = false
* description = "Read studies by turnaround in minutes: `Task?reading-turnaround=gt120`."
* code = #reading-turnaround
* base = #Task
* type = #quantity
* expression = "Task.extension('http://onesheet.org/fhir/StructureDefinition/reading-turnaround').value"

Instance: flag-code
InstanceOf: SearchParameter
Title: "Flag: code"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/flag-code"
* name = "code"
* status = #active
* experimental = false
* description = "Flags by code (R4 has no Flag code search); a grade Flag's code carries the grade and the programme: `Flag?code=red&status=active`."
* code = #code
* base = #Flag
* type = #token
* expression = "Flag.code"
