// Remote reading (基层检查、上级诊断): a township centre records an ECG, X-ray, ultrasound, fundus photo or fetal
// heart trace; a reading centre of the county hospital reads it and reports back.

CodeSystem: RemoteReadingStudy
Id: remote-reading-study
Title: "Remote reading studies without a LOINC or DICOM code (远程诊断项目补充)"
Description: "Studies a township records for remote reading that neither LOINC nor DICOM's modality codes name well."
* ^caseSensitive = true
* ^experimental = false
* #fetal-heart-monitoring "胎心监护" "Fetal heart rate monitoring (non-stress test trace) recorded at a township centre."

ValueSet: RemoteReadingStudies
Id: remote-reading-studies
Title: "Remote reading studies (远程诊断项目)"
Description: "What a township records and the county reads: ECG and Holter (LOINC), digital radiography, ultrasound and fundus photography (DICOM modality codes), fetal heart monitoring."
* ^experimental = false
* $loinc#11524-6 "EKG study"
* $loinc#18754-2 "Holter monitor study"
* $loinc#30745-4 "Chest X-ray"
* $dcm#DX "Digital Radiography"
* $dcm#US "Ultrasound"
* $dcm#OP "Ophthalmic photography"
* RemoteReadingStudy#fetal-heart-monitoring

CodeSystem: ServiceCategory
Id: service-category
Title: "OneSheet service categories"
Description: "Categories of ServiceRequest that OneSheet's workflows recognise besides referral."
* ^caseSensitive = true
* ^experimental = false
* #remote-reading "远程诊断" "A study recorded at one member and read at a reading centre of another (基层检查、上级诊断)."

Profile: RemoteReadingServiceRequest
Parent: ServiceRequest
Id: remote-reading-service-request
Title: "Remote reading ServiceRequest (远程诊断申请)"
Description: """
A township centre asks a reading centre of the county hospital (ECG, imaging) to read a study it recorded.
`code` says which study, `performer` is the reading centre, `requester` the township doctor at their site.
"""
* status MS
* intent = #order
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains remoteReading 1..1 MS
* category[remoteReading] = ServiceCategory#remote-reading
* code 1..1 MS
* code from RemoteReadingStudies (required)
* priority MS
* subject MS
* subject only Reference(Patient)
* encounter MS
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(PractitionerRole)
* performer 1..1 MS
* performer only Reference(Organization)
* performer ^short = "The reading centre (诊断中心)"
* reasonCode MS
* supportingInfo MS

Profile: RemoteReadingReport
Parent: DiagnosticReport
Id: remote-reading-report
Title: "Remote reading report (远程诊断报告)"
Description: """
The reading centre's report on a study recorded elsewhere: `basedOn` the request, `performer` the reading
centre, `resultsInterpreter` the county doctor who read it, `conclusion` the reading (诊断意见) in Chinese.
"""
* basedOn 1..1 MS
* basedOn only Reference(ServiceRequest)
* status MS
* category MS
* code 1..1 MS
* code from RemoteReadingStudies (required)
* subject 1..1 MS
* subject only Reference(Patient)
* encounter MS
* effective[x] 1..1 MS
* issued 1..1 MS
* performer 1..1 MS
* performer only Reference(Organization)
* performer ^short = "The reading centre (诊断中心)"
* resultsInterpreter 1..* MS
* resultsInterpreter only Reference(PractitionerRole)
* result MS
* imagingStudy MS
* media MS
* conclusion 1..1 MS
* conclusionCode MS

CodeSystem: ReadingStatus
Id: reading-status
Title: "Remote reading business status (远程诊断进度)"
Description: "How far the reading centre has got with a study, beyond the Task's status."
* ^caseSensitive = true
* ^experimental = false
* #preliminary-report "初步报告" "A preliminary report is out; the final one is to follow."
* #final-report "已出终审报告" "The final report is out; the study is read."

ValueSet: ReadingStatuses
Id: reading-statuses
Title: "Remote reading business statuses"
Description: "Business statuses of a remote-reading Task."
* ^experimental = false
* include codes from system ReadingStatus

Extension: ReadingTurnaround
Id: reading-turnaround
Title: "Reading turnaround (出报告时长)"
Description: "Minutes from the remote-reading request (its authoredOn) to the final report (its issued), set by the server when the final report arrives."
Context: Task
* value[x] only Duration
* valueDuration.system = $ucum (exactly)
* valueDuration.code = #min (exactly)

Profile: RemoteReadingTask
Parent: Task
Id: remote-reading-task
Title: "Remote reading worklist Task (远程诊断任务)"
Description: """
The reading centre's worklist item for one remote-reading request. Owner: the reading centre while unclaimed
(`Task?owner=Organization/<centre>&status=requested`, stat first), the reader's PractitionerRole once claimed
(`in-progress`). The server completes it when the final RemoteReadingReport is posted, adds the report to
`output` and records the turnaround.
"""
* extension contains ReadingTurnaround named turnaround 0..1 MS
* status MS
* businessStatus MS
* businessStatus from ReadingStatuses (required)
* statusReason MS
* intent = #order
* code 1..1 MS
* code = $task-code#fulfill
* focus 1..1 MS
* focus only Reference(RemoteReadingServiceRequest)
* for 1..1 MS
* for only Reference(Patient)
* priority MS
* authoredOn MS
* executionPeriod MS
* executionPeriod ^short = "From the claim to the final report"
* requester 1..1 MS
* requester only Reference(Organization)
* requester ^short = "The township centre that recorded the study"
* owner 1..1 MS
* owner only Reference(Organization or PractitionerRole)
* output MS
