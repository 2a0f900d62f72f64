// 基层检查、上级诊断: 三台镇 records an ECG and a chest X-ray; the county's reading centres report.

Instance: ex-rr-ecg-request
InstanceOf: RemoteReadingServiceRequest
Title: "ECG for remote reading"
Description: "A 12-lead ECG recorded at the township, sent to the county ECG centre."
* status = #completed
* category[remoteReading] = ServiceCategory#remote-reading "远程诊断"
* code = $loinc#11524-6 "EKG study"
* code.text = "十二导联心电图"
* priority = #routine
* subject = Reference(ex-pat-zhao) "赵德明"
* authoredOn = "2026-11-17T09:30:00+08:00"
* requester = Reference(ex-role-li-santai) "李秀英（三台镇卫生院）"
* performer = Reference(ex-ecg-centre) "心电诊断中心"
* reasonCode.text = "高血压随访，头晕"

Instance: ex-rr-dr-request
InstanceOf: RemoteReadingServiceRequest
Title: "Chest radiograph (DR) for remote reading"
Description: "A digital chest radiograph taken at the township, sent to the county imaging centre."
* status = #active
* category[remoteReading] = ServiceCategory#remote-reading "远程诊断"
* code = $dcm#DX "Digital Radiography"
* code.text = "胸部正位片（DR）"
* priority = #routine
* subject = Reference(ex-pat-ayi) "阿依古丽·买买提"
* authoredOn = "2026-11-20T11:00:00+08:00"
* requester = Reference(ex-role-li-santai) "李秀英（三台镇卫生院）"
* performer = Reference(ex-imaging-centre) "影像诊断中心"
* reasonCode.text = "咳嗽两周，排除肺结核"

Instance: ex-rr-ecg-report
InstanceOf: RemoteReadingReport
Title: "ECG report read at the county"
Description: "The county ECG centre's reading of the township's ECG."
* basedOn = Reference(ex-rr-ecg-request)
* status = #final
* category = $v2-0074#EC "Electrocardiac (e.g., EKG,  EEC, Holter)"
* code = $loinc#11524-6 "EKG study"
* code.text = "十二导联心电图"
* subject = Reference(ex-pat-zhao) "赵德明"
* effectiveDateTime = "2026-11-17T09:40:00+08:00"
* issued = "2026-11-17T10:05:00+08:00"
* performer = Reference(ex-ecg-centre) "心电诊断中心"
* resultsInterpreter = Reference(ex-role-zhang-ecg) "张敏"
* conclusion = "窦性心律，左心室高电压，ST-T改变。建议心内科进一步诊治。"

Instance: ex-rr-dr-report
InstanceOf: RemoteReadingReport
Title: "Chest radiograph report read at the county"
Description: "The imaging centre's reading; preliminary while the radiologist's second read is pending."
* basedOn = Reference(ex-rr-dr-request)
* status = #preliminary
* category = $v2-0074#RAD "Radiology"
* code = $dcm#DX "Digital Radiography"
* code.text = "胸部正位片（DR）"
* subject = Reference(ex-pat-ayi) "阿依古丽·买买提"
* effectiveDateTime = "2026-11-20T11:15:00+08:00"
* issued = "2026-11-20T14:30:00+08:00"
* performer = Reference(ex-imaging-centre) "影像诊断中心"
* resultsInterpreter = Reference(ex-role-liu-imaging) "刘强"
* conclusion = "双肺纹理增多，未见明显实变影；心影不大。"

Instance: ex-rr-ecg-task
InstanceOf: RemoteReadingTask
Title: "The ECG's worklist Task, read"
Description: "The county ECG centre's worklist item for the township's ECG: claimed by 张敏, completed by the final report 35 minutes after the request."
* extension[turnaround].valueDuration = 35 'min' "min"
* status = #completed
* businessStatus = ReadingStatus#final-report "已出终审报告"
* intent = #order
* code = $task-code#fulfill
* focus = Reference(ex-rr-ecg-request)
* for = Reference(ex-pat-zhao) "赵德明"
* priority = #routine
* authoredOn = "2026-11-17T09:30:00+08:00"
* executionPeriod.start = "2026-11-17T09:45:00+08:00"
* executionPeriod.end = "2026-11-17T10:05:00+08:00"
* requester = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* owner = Reference(ex-role-zhang-ecg) "张敏"
* output[0].type = ServiceCategory#remote-reading "远程诊断"
* output[0].type.text = "远程诊断报告"
* output[0].valueReference = Reference(ex-rr-ecg-report)
