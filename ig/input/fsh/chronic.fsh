// Chronic disease management of the "2+3" package (hypertension, diabetes; hepatitis, severe mental disorder,
// tuberculosis), graded green / yellow / red and managed by village, township or county; and the family
// doctor contracts (家庭医生签约) that put a team of doctors of all three levels beside each resident.

CodeSystem: ChronicProgramme
Id: chronic-programme
Title: "Chronic disease programme (两病三病)"
Description: "The diseases of the county group's 2+3 chronic care package."
* ^caseSensitive = true
* ^experimental = false
* #hypertension "高血压" "Hypertension (ICD-10 I10–I15)."
* #diabetes "糖尿病" "Diabetes mellitus (ICD-10 E10–E14)."
* #hepatitis "病毒性肝炎" "Viral hepatitis (ICD-10 B15–B19)."
* #severe-mental-disorder "严重精神障碍" "Severe mental disorder (ICD-10 F20, F22, F25, F31, F06, F70–F79 with psychotic symptoms)."
* #tuberculosis "肺结核" "Tuberculosis (ICD-10 A15–A19)."

ValueSet: ChronicProgrammes
Id: chronic-programmes
Title: "Chronic disease programmes (两病三病)"
Description: "The five programmes of the 2+3 package."
* ^experimental = false
* include codes from system ChronicProgramme

ValueSet: ChronicDiseases
Id: chronic-diseases
Title: "2+3 chronic diseases, ICD-10 (两病三病诊断)"
Description: """
ICD-10 codes of the 2+3 package: I10–I15 hypertension, E10–E14 diabetes, B15–B19 viral hepatitis,
F20 / F22 / F25 / F31 / F06 / F70–F79 (with psychotic symptoms) severe mental disorder, A15–A19 tuberculosis,
with their subcategories. Expressed as a regex filter on the code; the server and the `onesheet-chronic-icd10`
invariant check the same pattern, since the ICD-10 code system itself is not distributed with this guide.
"""
* ^experimental = false
* include codes from system $icd10 where code regex "(I1[0-5]|E1[0-4]|B1[5-9]|F2[025]|F31|F06|F7[0-9]|A1[5-9])(\\.[0-9A-Z]{1,2})?"

CodeSystem: ChronicGrade
Id: chronic-grade
Title: "Tri-colour grade (三色分级)"
Description: "How well a chronic patient is controlled, and so which level of the group manages them."
* ^caseSensitive = true
* ^experimental = false
* #green "绿标" "Controlled: the latest readings meet the plan's goals. Managed by the village clinic."
* #yellow "黄标" "Above goal but below the red limits. Managed by the township health centre."
* #red "红标" "At or above the red limits, or not improving. Managed by the county general hospital."

ValueSet: ChronicGrades
Id: chronic-grades
Title: "Tri-colour grades (三色分级)"
Description: "Green, yellow, red."
* ^experimental = false
* include codes from system ChronicGrade

CodeSystem: ManagingLevel
Id: managing-level
Title: "Managing level (管理层级)"
Description: "The level of the group that manages a chronic patient."
* ^caseSensitive = true
* ^experimental = false
* #village "村级管理" "The village clinic: monthly follow-up."
* #township "乡镇级管理" "The township health centre: quarterly follow-up, treatment adjusted."
* #county "县级管理" "The county general hospital: specialist care until the patient is stable."

ValueSet: ManagingLevels
Id: managing-levels
Title: "Managing levels (管理层级)"
Description: "Village, township, county."
* ^experimental = false
* include codes from system ManagingLevel

Extension: ChronicGradeExtension
Id: chronic-grade
Title: "Tri-colour grade (三色分级)"
Description: "The plan's current grade."
Context: CarePlan
* value[x] only Coding
* valueCoding 1..1
* valueCoding from ChronicGrades (required)

Extension: ManagingLevelExtension
Id: managing-level
Title: "Managing level (管理层级)"
Description: "The level of the group that manages the plan now."
Context: CarePlan
* value[x] only Coding
* valueCoding 1..1
* valueCoding from ManagingLevels (required)

Extension: ChronicDisease
Id: chronic-disease
Title: "2+3 disease (两病三病诊断)"
Description: "The ICD-10 diagnosis the plan manages."
Context: CarePlan
* value[x] only CodeableConcept
* valueCodeableConcept 1..1
* valueCodeableConcept from ChronicDiseases (preferred)
* valueCodeableConcept obeys onesheet-chronic-icd10

Extension: GradeReason
Id: grade-reason
Title: "Why the grade (分级依据)"
Description: "Which rule gave the plan (or its Flag) its grade, on which reading, in words a clinic reads. Written by the server when it grades a plan from a reading."
Context: CarePlan, Flag
* extension contains rule 1..1 and reading 0..1 and text 1..1 and assessed 0..1
* extension[rule].value[x] only string
* extension[rule] ^short = "The rule: <programme>/<LOINC>/<green|yellow|red|not-improving>"
* extension[reading].value[x] only Reference(Observation)
* extension[reading] ^short = "The reading the grade rests on"
* extension[text].value[x] only string
* extension[text] ^short = "收缩压 182 mmHg ≥ 180，达红标界值 (at or above the red limit)"
* extension[assessed].value[x] only dateTime
* extension[assessed] ^short = "When the reading was taken"

Extension: NextFollowUp
Id: next-follow-up
Title: "Next follow-up due (下次随访日期)"
Description: "When the managing organisation should next see the patient: the latest graded reading plus the managing level's interval (village monthly, township quarterly, county monthly), or the day a move to another level is accepted."
Context: CarePlan
* value[x] only date
* valueDate 1..1

CodeSystem: FlagCategory
Id: flag-category
Title: "OneSheet flag categories"
Description: "Kinds of Flag the server raises."
* ^caseSensitive = true
* ^experimental = false
* #chronic-grade "慢病分级" "The tri-colour grade of a chronic care plan; one active Flag per plan, ended ones are its history."

CodeSystem: KeyPopulation
Id: key-population
Title: "Key populations of family doctor contracts (重点人群)"
Description: "The groups national policy signs first."
* ^caseSensitive = true
* ^experimental = false
* #elderly "65岁及以上老年人" "Aged 65 or over."
* #pregnant "孕产妇" "Pregnant or recently delivered women."
* #chronic "两病三病患者" "Patients of the 2+3 chronic programmes."

ValueSet: KeyPopulations
Id: key-populations
Title: "Key populations (重点人群)"
Description: "Elderly, pregnant women, 2+3 patients."
* ^experimental = false
* include codes from system KeyPopulation

Instance: careplan-chronic-grade
InstanceOf: SearchParameter
Title: "CarePlan: tri-colour grade"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/careplan-chronic-grade"
* name = "chronic-grade"
* status = #active
* experimental = false
* description = "Chronic plans by grade: `CarePlan?chronic-grade=red&status=active`."
* code = #chronic-grade
* base = #CarePlan
* type = #token
* expression = "CarePlan.extension('http://onesheet.org/fhir/StructureDefinition/chronic-grade').value"

Instance: careplan-next-follow-up
InstanceOf: SearchParameter
Title: "CarePlan: next follow-up due"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/careplan-next-follow-up"
* name = "next-follow-up"
* status = #active
* experimental = false
* description = "Plans whose follow-up is due: `CarePlan?author=Organization/<id>&status=active&next-follow-up=le2026-12-01`."
* code = #next-follow-up
* base = #CarePlan
* type = #date
* expression = "CarePlan.extension('http://onesheet.org/fhir/StructureDefinition/next-follow-up').value"

Instance: careplan-author
InstanceOf: SearchParameter
Title: "CarePlan: managing organisation"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/careplan-author"
* name = "author"
* status = #active
* experimental = false
* description = "Plans an organisation manages now (R4 has no CarePlan author search): `CarePlan?author=Organization/<id>&status=active`."
* code = #author
* base = #CarePlan
* type = #reference
* expression = "CarePlan.author"
* target[0] = #Organization
* target[1] = #Practitioner
* target[2] = #PractitionerRole
* target[3] = #Patient
* target[4] = #CareTeam
* target[5] = #RelatedPerson
* target[6] = #Device

Instance: flag-status
InstanceOf: SearchParameter
Title: "Flag: status"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/flag-status"
* name = "status"
* status = #active
* experimental = false
* description = "Active or ended flags (R4 has no Flag status search): `Flag?patient=<id>&status=active` is what an EMR shows."
* code = #status
* base = #Flag
* type = #token
* expression = "Flag.status"

Instance: flag-category
InstanceOf: SearchParameter
Title: "Flag: category"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/flag-category"
* name = "category"
* status = #active
* experimental = false
* description = "Flags by category: `Flag?patient=<id>&category=http://onesheet.org/fhir/CodeSystem/flag-category|chronic-grade` is a patient's grade history."
* code = #category
* base = #Flag
* type = #token
* expression = "Flag.category"

Instance: due-followups
InstanceOf: OperationDefinition
Title: "Follow-ups due at an organisation ($due-followups)"
Usage: #definition
* url = "http://onesheet.org/fhir/OperationDefinition/due-followups"
* name = "DueFollowups"
* title = "Follow-ups due at an organisation ($due-followups)"
* status = #active
* experimental = false
* kind = #operation
* description = "The active chronic plans an organisation manages whose next follow-up is due on or before `date` (default today, Asia/Shanghai), red first, then yellow, then green, most overdue first."
* code = #due-followups
* resource = #Organization
* system = false
* type = false
* instance = true
* affectsState = false
* parameter[0].name = #date
* parameter[0].use = #in
* parameter[0].min = 0
* parameter[0].max = "1"
* parameter[0].type = #date
* parameter[1].name = #return
* parameter[1].use = #out
* parameter[1].min = 1
* parameter[1].max = "1"
* parameter[1].type = #Bundle

Invariant: onesheet-chronic-icd10
Description: "诊断须为两病三病的ICD-10编码 (the diagnosis is an ICD-10 code of the 2+3 package: I10–I15, E10–E14, B15–B19, F20/F22/F25/F31/F06/F70–F79, A15–A19)"
Expression: "coding.where(system = 'http://hl7.org/fhir/sid/icd-10' and code.matches('^(I1[0-5]|E1[0-4]|B1[5-9]|F2[025]|F31|F06|F7[0-9]|A1[5-9])(\\\\.[0-9A-Z]{1,2})?$')).exists()"
Severity: #error

Profile: ChronicCarePlan
Parent: CarePlan
Id: chronic-care-plan
Title: "Chronic care plan (慢病管理计划)"
Description: """
One resident's plan for one disease of the 2+3 package: the programme and ICD-10 diagnosis, the tri-colour
grade, the level and organisation that manage it now (`author`), the goals (e.g. blood pressure below 140/90
mmHg, fasting glucose below 7.0 mmol/L, HbA1c below 7%) and the follow-up activities (monthly at the village,
quarterly at the township).
"""
* extension contains ChronicDisease named disease 1..1 MS and ChronicGradeExtension named grade 1..1 MS and ManagingLevelExtension named managingLevel 1..1 MS and GradeReason named gradeReason 0..1 MS and NextFollowUp named nextFollowUp 0..1 MS
* status MS
* intent = #plan
* category 1..* MS
* category ^slicing.discriminator.type = #value
* category ^slicing.discriminator.path = "coding.system"
* category ^slicing.rules = #open
* category contains programme 1..1 MS
* category[programme] from ChronicProgrammes (required)
* category[programme].coding 1..1
* category[programme].coding.system 1..1
* category[programme].coding.system = "http://onesheet.org/fhir/CodeSystem/chronic-programme" (exactly)
* subject MS
* subject only Reference(Patient)
* period 1..1 MS
* period.start 1..1
* author 1..1 MS
* author only Reference(Organization)
* author ^short = "The organisation that manages the plan now (管理机构)"
* careTeam MS
* addresses 1..* MS
* addresses only Reference(Condition)
* goal 1..* MS
* goal only Reference(Goal)
* activity MS
* activity.detail.kind MS
* activity.detail.code MS
* activity.detail.scheduled[x] MS
* activity.detail.performer MS

Profile: FamilyDoctorContract
Parent: EpisodeOfCare
Id: family-doctor-contract
Title: "Family doctor contract (家庭医生签约)"
Description: """
A resident's signed contract with a family doctor team: the signing organisation, the period of the contract,
the responsible family doctor (`careManager`) and the team of county, township and village doctors
(a FamilyDoctorTeam CareTeam).
"""
* identifier MS
* identifier ^short = "签约协议号 (contract number)"
* status MS
* type 1..* MS
* type ^slicing.discriminator.type = #pattern
* type ^slicing.discriminator.path = "$this"
* type ^slicing.rules = #open
* type contains contract 1..1 MS
* type[contract] = ContractType#family-doctor
* patient MS
* managingOrganization 1..1 MS
* managingOrganization only Reference(Organization)
* period 1..1 MS
* period.start 1..1
* period.end MS
* careManager 1..1 MS
* careManager only Reference(PractitionerRole)
* careManager ^short = "The responsible family doctor (签约医生)"
* team 1..1 MS
* team only Reference(CareTeam)

CodeSystem: ContractType
Id: contract-type
Title: "OneSheet contract types"
Description: "Kinds of EpisodeOfCare OneSheet uses for contracts."
* ^caseSensitive = true
* ^experimental = false
* #family-doctor "家庭医生签约服务" "A family doctor contract (家庭医生签约服务)."

CodeSystem: FamilyDoctorTeamRole
Id: family-doctor-team-role
Title: "Family doctor team roles (家庭医生团队角色)"
Description: "The three levels of a family doctor team."
* ^caseSensitive = true
* ^experimental = false
* #county-specialist "县级专科医生" "A specialist of the county general hospital who backs the team."
* #township-gp "乡镇全科医生" "The general practitioner of the township health centre, usually the team leader."
* #village-doctor "乡村医生" "The village doctor who sees the resident month by month."

ValueSet: FamilyDoctorTeamRoles
Id: family-doctor-team-roles
Title: "Family doctor team roles"
Description: "County specialist, township GP, village doctor."
* ^experimental = false
* include codes from system FamilyDoctorTeamRole

Profile: FamilyDoctorTeam
Parent: CareTeam
Id: family-doctor-team
Title: "Family doctor team (家庭医生团队)"
Description: "The county, township and village doctors who serve one signed resident, each at the site where they work."
* status MS
* category MS
* subject 1..1 MS
* subject only Reference(Patient)
* period MS
* participant 2..* MS
* participant.role 1..1 MS
* participant.role from FamilyDoctorTeamRoles (required)
* participant.member 1..1 MS
* participant.member only Reference(PractitionerRole)
* managingOrganization 1..1 MS
* managingOrganization only Reference(Organization)
