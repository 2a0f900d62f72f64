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
Title: "The upward referral, accepted and booked"
Description: "The county hospital has accepted the referral and the server booked a reserved expert number; the patient is on his way."
* status = #accepted
* businessStatus = ReferralStatus#scheduled "已预约"
* intent = #order
* code = $task-code#fulfill "Fulfill the focal request"
* focus = Reference(ex-ref-up)
* for = Reference(ex-pat-zhao) "赵德明"
* authoredOn = "2026-11-18T10:20:00+08:00"
* lastModified = "2026-11-18T10:42:00+08:00"
* requester = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* owner = Reference(ex-county-hospital) "吉木萨尔县总医院"
* output.type = ReferralOutputType#appointment "预约"
* output.valueReference = Reference(ex-appt-zhao) "11月19日 09:00 心血管内科专家号"

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

Instance: ex-loc-cardio-room
InstanceOf: Location
Title: "心血管内科专家诊室 (a consulting room)"
Description: "Where the county's cardiology expert sees green-channel patients."
Usage: #example
* status = #active
* name = "吉木萨尔县总医院门诊楼三楼 心血管内科专家诊室"
* physicalType = http://terminology.hl7.org/CodeSystem/location-physical-type#ro "Room"
* managingOrganization = Reference(ex-county-hospital)

Instance: ex-sch-cardio-expert
InstanceOf: GreenChannelSchedule
Title: "王建国's reserved expert numbers"
Description: "Two numbers a day held back for referred patients."
* active = true
* serviceType = GreenChannelReservation#expert-number "预留专家号"
* specialty.text = "心血管内科"
* actor[0] = Reference(ex-role-wang-county) "王建国（吉木萨尔县总医院）"
* actor[+] = Reference(ex-loc-cardio-room) "心血管内科专家诊室"
* planningHorizon.start = "2026-11-19T00:00:00+08:00"
* planningHorizon.end = "2026-12-02T23:59:59+08:00"
* comment = "每个工作日上午预留2个专家号给医共体转诊患者。"

Instance: ex-slot-cardio-expert
InstanceOf: Slot
Title: "A reserved expert number"
Description: "Booked for 赵德明 when the county accepted his referral."
Usage: #example
* schedule = Reference(ex-sch-cardio-expert)
* serviceType = GreenChannelReservation#expert-number "预留专家号"
* status = #busy
* start = "2026-11-19T09:00:00+08:00"
* end = "2026-11-19T09:30:00+08:00"

Instance: ex-med-amlodipine
InstanceOf: Medication
Title: "苯磺酸氨氯地平片 (amlodipine)"
Description: "A calcium channel blocker stocked by the township centre."
Usage: #example
* code = http://www.whocc.no/atc#C08CA01 "amlodipine"
* code.text = "苯磺酸氨氯地平片 5mg"

Instance: ex-formulary-santai
InstanceOf: Formulary
Title: "三台镇卫生院药品目录"
Description: "The township centre's formulary (abridged)."
* identifier.value = "ex-tc-santai"
* status = #current
* mode = #working
* title = "吉木萨尔县三台镇卫生院药品目录"
* code = OneSheetListType#formulary "药品目录"
* entry.item = Reference(ex-med-amlodipine) "苯磺酸氨氯地平片"

Instance: ex-appt-zhao
InstanceOf: Appointment
Title: "The green-channel booking"
Description: "What the server wrote when the county accepted the referral: the reserved slot, now busy, for 赵德明."
Usage: #example
* status = #booked
* serviceType = GreenChannelReservation#expert-number "预留专家号"
* description = "绿色通道转诊：上转：心血管内科门诊"
* slot = Reference(ex-slot-cardio-expert)
* start = "2026-11-19T09:00:00+08:00"
* end = "2026-11-19T09:30:00+08:00"
* created = "2026-11-18T10:42:00+08:00"
* basedOn = Reference(ex-ref-up)
* participant[0].actor = Reference(ex-pat-zhao) "赵德明"
* participant[=].status = #accepted
* participant[+].actor = Reference(ex-role-wang-county) "王建国（吉木萨尔县总医院）"
* participant[=].status = #accepted
* participant[+].actor = Reference(ex-loc-cardio-room) "心血管内科专家诊室"
* participant[=].status = #accepted
