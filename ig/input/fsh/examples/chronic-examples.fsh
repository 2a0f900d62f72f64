// Two 2+3 patients of 下营村: 赵德明's hypertension (yellow, township) and 阿依古丽's diabetes (green, village),
// each with a family doctor contract.

Instance: ex-cond-zhao-htn
InstanceOf: Condition
Title: "赵德明: hypertension"
Usage: #example
* clinicalStatus = $condition-clinical#active
* category = $condition-category#problem-list-item
* code = $icd10#I10 "Essential (primary) hypertension"
* code.text = "原发性高血压"
* subject = Reference(ex-pat-zhao)
* onsetDateTime = "2015-06"

Instance: ex-cond-ayi-dm
InstanceOf: Condition
Title: "阿依古丽: type 2 diabetes"
Usage: #example
* clinicalStatus = $condition-clinical#active
* category = $condition-category#problem-list-item
* code = $icd10#E11.9 "Type 2 diabetes mellitus without complications"
* code.text = "2型糖尿病"
* subject = Reference(ex-pat-ayi)
* onsetDateTime = "2019-04"

Instance: ex-goal-zhao-bp
InstanceOf: Goal
Title: "赵德明: blood pressure below 140/90 mmHg"
Usage: #example
* lifecycleStatus = #active
* achievementStatus = $goal-achievement#worsening
* description.text = "血压控制在140/90 mmHg以下"
* subject = Reference(ex-pat-zhao)
* target[0].measure = $loinc#8480-6 "Systolic blood pressure"
* target[0].detailRange.high = 140 'mm[Hg]' "mmHg"
* target[1].measure = $loinc#8462-4 "Diastolic blood pressure"
* target[1].detailRange.high = 90 'mm[Hg]' "mmHg"

Instance: ex-goal-ayi-glucose
InstanceOf: Goal
Title: "阿依古丽: fasting glucose below 7.0 mmol/L, HbA1c below 7%"
Usage: #example
* lifecycleStatus = #active
* achievementStatus = $goal-achievement#achieved
* description.text = "空腹血糖<7.0 mmol/L，糖化血红蛋白<7%"
* subject = Reference(ex-pat-ayi)
* target[0].measure = $loinc#1558-6 "Fasting glucose [Moles/volume] in Serum or Plasma"
* target[0].detailRange.high = 7.0 'mmol/L' "mmol/L"
* target[1].measure = $loinc#4548-4 "Hemoglobin A1c/Hemoglobin.total in Blood"
* target[1].detailRange.high = 7 '%' "%"

Instance: ex-careplan-zhao-htn
InstanceOf: ChronicCarePlan
Title: "赵德明: hypertension plan, yellow, managed by the township"
Description: "Above goal but below the red limits: the township centre manages, with quarterly visits and monthly village checks."
* extension[disease].valueCodeableConcept = $icd10#I10 "Essential (primary) hypertension"
* extension[grade].valueCoding = ChronicGrade#yellow "黄标"
* extension[managingLevel].valueCoding = ManagingLevel#township "乡镇级管理"
* status = #active
* intent = #plan
* category[programme] = ChronicProgramme#hypertension "高血压"
* title = "高血压患者健康管理"
* subject = Reference(ex-pat-zhao) "赵德明"
* period.start = "2026-01-01"
* author = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* careTeam = Reference(ex-team-zhao)
* addresses = Reference(ex-cond-zhao-htn)
* goal = Reference(ex-goal-zhao-bp)
* activity[0].detail.kind = #Appointment
* activity[0].detail.code.text = "村医每月随访测血压"
* activity[0].detail.status = #in-progress
* activity[0].detail.scheduledTiming.repeat.frequency = 1
* activity[0].detail.scheduledTiming.repeat.period = 1
* activity[0].detail.scheduledTiming.repeat.periodUnit = #mo
* activity[0].detail.performer = Reference(ex-role-ma-xiaying) "马立新"
* activity[1].detail.kind = #Appointment
* activity[1].detail.code.text = "乡镇卫生院每季度复诊，调整用药"
* activity[1].detail.status = #scheduled
* activity[1].detail.scheduledTiming.repeat.frequency = 1
* activity[1].detail.scheduledTiming.repeat.period = 3
* activity[1].detail.scheduledTiming.repeat.periodUnit = #mo
* activity[1].detail.performer = Reference(ex-role-li-santai) "李秀英"

Instance: ex-careplan-ayi-dm
InstanceOf: ChronicCarePlan
Title: "阿依古丽: diabetes plan, green, managed by the village"
Description: "Controlled: the village clinic follows her monthly."
* extension[disease].valueCodeableConcept = $icd10#E11.9 "Type 2 diabetes mellitus without complications"
* extension[grade].valueCoding = ChronicGrade#green "绿标"
* extension[managingLevel].valueCoding = ManagingLevel#village "村级管理"
* status = #active
* intent = #plan
* category[programme] = ChronicProgramme#diabetes "糖尿病"
* title = "2型糖尿病患者健康管理"
* subject = Reference(ex-pat-ayi) "阿依古丽·买买提"
* period.start = "2025-03-01"
* author = Reference(ex-vc-xiaying) "三台镇下营村卫生室"
* careTeam = Reference(ex-team-ayi)
* addresses = Reference(ex-cond-ayi-dm)
* goal = Reference(ex-goal-ayi-glucose)
* activity.detail.kind = #Appointment
* activity.detail.code.text = "村医每月随访测空腹血糖"
* activity.detail.status = #in-progress
* activity.detail.scheduledTiming.repeat.frequency = 1
* activity.detail.scheduledTiming.repeat.period = 1
* activity.detail.scheduledTiming.repeat.periodUnit = #mo
* activity.detail.performer = Reference(ex-role-ma-xiaying) "马立新"

Instance: ex-team-zhao
InstanceOf: FamilyDoctorTeam
Title: "赵德明's family doctor team"
Description: "County cardiologist (at his township clinic), township GP, village doctor."
* status = #active
* name = "三台镇家庭医生团队（李秀英组）"
* subject = Reference(ex-pat-zhao) "赵德明"
* period.start = "2026-01-01"
* participant[0].role = FamilyDoctorTeamRole#township-gp "乡镇全科医生"
* participant[0].member = Reference(ex-role-li-santai) "李秀英"
* participant[1].role = FamilyDoctorTeamRole#village-doctor "乡村医生"
* participant[1].member = Reference(ex-role-ma-xiaying) "马立新"
* participant[2].role = FamilyDoctorTeamRole#county-specialist "县级专科医生"
* participant[2].member = Reference(ex-role-wang-santai) "王建国"
* managingOrganization = Reference(ex-tc-santai)

Instance: ex-team-ayi
InstanceOf: FamilyDoctorTeam
Title: "阿依古丽's family doctor team"
Description: "Township GP and village doctor."
* status = #active
* name = "三台镇家庭医生团队（李秀英组）"
* subject = Reference(ex-pat-ayi) "阿依古丽·买买提"
* period.start = "2025-03-01"
* participant[0].role = FamilyDoctorTeamRole#township-gp "乡镇全科医生"
* participant[0].member = Reference(ex-role-li-santai) "李秀英"
* participant[1].role = FamilyDoctorTeamRole#village-doctor "乡村医生"
* participant[1].member = Reference(ex-role-ma-xiaying) "马立新"
* managingOrganization = Reference(ex-tc-santai)

Instance: ex-contract-zhao
InstanceOf: FamilyDoctorContract
Title: "赵德明's family doctor contract"
Description: "Signed at the township centre for 2026, with 李秀英 as his family doctor."
* identifier.system = "http://onesheet.org/fhir/sid/local-record/ex-tc-santai"
* identifier.value = "QY2026-0017"
* status = #active
* type[contract] = ContractType#family-doctor "家庭医生签约服务"
* patient = Reference(ex-pat-zhao) "赵德明"
* managingOrganization = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* period.start = "2026-01-01"
* period.end = "2026-12-31"
* careManager = Reference(ex-role-li-santai) "李秀英"
* team = Reference(ex-team-zhao)

Instance: ex-contract-ayi
InstanceOf: FamilyDoctorContract
Title: "阿依古丽's family doctor contract"
Description: "Renewed each March."
* identifier.system = "http://onesheet.org/fhir/sid/local-record/ex-tc-santai"
* identifier.value = "QY2025-0024"
* status = #active
* type[contract] = ContractType#family-doctor "家庭医生签约服务"
* patient = Reference(ex-pat-ayi) "阿依古丽·买买提"
* managingOrganization = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* period.start = "2025-03-01"
* period.end = "2027-02-28"
* careManager = Reference(ex-role-li-santai) "李秀英"
* team = Reference(ex-team-ayi)
