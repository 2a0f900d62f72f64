// 赵德明 goes up to the county through the green channel and comes back down to 三台镇 for follow-up.

Instance: ex-ref-up
InstanceOf: ReferralServiceRequest
Title: "上转 through the green channel"
Description: "The township GP refers a patient with blood pressure out of control, with his ECG report and care plan, to the county hospital's cardiology, through the green channel."
* extension[direction].valueCoding = ReferralDirection#up "上转"
* extension[greenChannel].valueBoolean = true
* status = #active
* category[referral] = $sct#3457005 "Patient referral"
* category[referral].text = "转诊"
* code = $sct#3457005 "Patient referral"
* code.text = "上转：心血管内科门诊"
* priority = #urgent
* subject = Reference(ex-pat-zhao) "赵德明"
* authoredOn = "2026-11-18T10:20:00+08:00"
* requester = Reference(ex-role-li-santai) "李秀英（三台镇卫生院）"
* performer = Reference(ex-county-hospital) "吉木萨尔县总医院"
* reasonCode = $icd10#I10 "Essential (primary) hypertension"
* reasonCode.text = "高血压，三种药物联合治疗血压仍≥180/110 mmHg (blood pressure ≥ 180/110 mmHg on three drugs)"
* supportingInfo[0] = Reference(ex-rr-ecg-report) "心电图报告"
* supportingInfo[+] = Reference(ex-careplan-zhao-htn) "高血压管理计划"
* note.text = "患者近一周头晕加重，请心内科专家号优先接诊。"

Instance: ex-ref-down
InstanceOf: ReferralServiceRequest
Title: "下转 for rehabilitation and follow-up"
Description: "After treatment, the county cardiologist sends the patient back to the township centre near home."
* extension[direction].valueCoding = ReferralDirection#down "下转"
* extension[greenChannel].valueBoolean = false
* status = #completed
* category[referral] = $sct#3457005 "Patient referral"
* code = $sct#3457005 "Patient referral"
* code.text = "下转：慢病随访"
* priority = #routine
* subject = Reference(ex-pat-zhao) "赵德明"
* authoredOn = "2026-11-21T15:00:00+08:00"
* requester = Reference(ex-role-wang-county) "王建国（吉木萨尔县总医院）"
* performer = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* reasonCode.text = "血压已控制在130/85 mmHg左右，转回基层随访 (controlled: back to the township for follow-up)"
* supportingInfo = Reference(ex-careplan-zhao-htn) "高血压管理计划"

Instance: ex-ref-up-task
InstanceOf: ReferralTask
Title: "The upward referral, accepted"
Description: "The county hospital has accepted the referral; the patient is on his way."
* status = #accepted
* businessStatus = ReferralStatus#accepted "已接收"
* intent = #order
* code = $task-code#fulfill "Fulfill the focal request"
* focus = Reference(ex-ref-up)
* for = Reference(ex-pat-zhao) "赵德明"
* authoredOn = "2026-11-18T10:20:00+08:00"
* lastModified = "2026-11-18T10:42:00+08:00"
* requester = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* owner = Reference(ex-county-hospital) "吉木萨尔县总医院"

Instance: ex-ref-down-task
InstanceOf: ReferralTask
Title: "The downward referral, completed with feedback"
Description: "The township centre saw the patient and sent its feedback (回执), which closes the loop."
* status = #completed
* businessStatus = ReferralStatus#completed "已完成"
* intent = #order
* code = $task-code#fulfill "Fulfill the focal request"
* focus = Reference(ex-ref-down)
* for = Reference(ex-pat-zhao) "赵德明"
* authoredOn = "2026-11-21T15:00:00+08:00"
* lastModified = "2026-11-24T11:05:00+08:00"
* requester = Reference(ex-county-hospital) "吉木萨尔县总医院"
* owner = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* output.type = ReferralOutputType#feedback "回执"
* output.valueString = "患者已于11月24日到三台镇卫生院复诊，血压128/82 mmHg，继续原方案，纳入乡镇级管理。"
