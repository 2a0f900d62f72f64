// Two-way referral (双向转诊): a ServiceRequest says what is asked, a Task tracks who does it (FHIR workflow,
// option H: the OneSheet server is the broker every member talks to).

CodeSystem: ReferralDirection
Id: referral-direction
Title: "Referral direction (转诊方向)"
Description: "Whether a referral moves a patient up to a higher level of the group or back down."
* ^caseSensitive = true
* ^experimental = false
* #up "上转" "Upward: from a village clinic or township centre to the county hospital, for diagnosis or treatment."
* #down "下转" "Downward: from the county hospital back to the township centre or village clinic near home, for rehabilitation or chronic follow-up."

ValueSet: ReferralDirections
Id: referral-directions
Title: "Referral directions (转诊方向)"
Description: "Up or down."
* ^experimental = false
* include codes from system ReferralDirection

Extension: ReferralDirectionExtension
Id: referral-direction
Title: "Referral direction (转诊方向)"
Description: "Up (上转) or down (下转)."
Context: ServiceRequest
* value[x] only Coding
* valueCoding 1..1
* valueCoding from ReferralDirections (required)

Extension: GreenChannel
Id: green-channel
Title: "Green channel (绿色通道)"
Description: "True when the referral goes through the group's green channel: the county hospital books it on a slot or bed reserved for referred patients (预留专家号、预留床位) when it accepts."
Context: ServiceRequest
* value[x] only boolean
* valueBoolean 1..1

CodeSystem: ReferralStatus
Id: referral-status
Title: "Referral business status (转诊业务状态)"
Description: "Where a referral stands, from the patient's point of view, modelled on the referral statuses of HL7's Bidirectional Services eReferral (BSeR) guide. It travels in `Task.businessStatus`, beside the workflow state in `Task.status`."
* ^caseSensitive = true
* ^experimental = false
* #created "已发起" "The referral has been sent and awaits the receiving organisation."
* #accepted "已接收" "The receiving organisation has accepted the referral."
* #declined "已拒绝" "The receiving organisation has declined the referral (a reason is given)."
* #scheduled "已预约" "An appointment or a bed has been booked for the patient."
* #no-show "未到诊" "The patient did not come to the booked appointment."
* #completed "已完成" "The patient was seen and the receiving organisation has sent its feedback."
* #cancelled "已撤销" "The referring organisation withdrew the referral."

ValueSet: ReferralStatuses
Id: referral-statuses
Title: "Referral business statuses (转诊业务状态)"
Description: "All referral business statuses."
* ^experimental = false
* include codes from system ReferralStatus

CodeSystem: ReferralOutputType
Id: referral-output-type
Title: "Referral task output (转诊任务输出)"
Description: "What a referral Task's `output` carries."
* ^caseSensitive = true
* ^experimental = false
* #appointment "预约" "The appointment or bed booked for the patient."
* #feedback "回执" "The receiving organisation's feedback to the referrer (诊疗结果回执), which closes the loop."

ValueSet: ReferralOutputTypes
Id: referral-output-types
Title: "Referral task output types"
Description: "Appointment or feedback."
* ^experimental = false
* include codes from system ReferralOutputType

Profile: ReferralServiceRequest
Parent: ServiceRequest
Id: referral-service-request
Title: "Referral ServiceRequest (转诊申请)"
Description: """
What one member asks another to do for a patient: up to the county hospital for treatment (上转), or back
down for rehabilitation and follow-up (下转). It names the direction, whether it goes through the green
channel, the requesting practitioner (at the site where they work), the receiving organisation, the reason and
the documents that travel with the patient (reports, care plan, medication list).
"""
* obeys onesheet-referral-reason and onesheet-referral-green-priority
* extension contains ReferralDirectionExtension named direction 1..1 MS and GreenChannel named greenChannel 0..1 MS
* status MS
* intent = #order
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains referral 1..1 MS
* category[referral] = $sct#3457005
* category[referral] ^short = "转诊 (SNOMED CT 3457005 Patient referral)"
* code MS
* priority 1..1 MS
* subject MS
* subject only Reference(Patient)
* authoredOn MS
* requester 1..1 MS
* requester only Reference(PractitionerRole)
* performer 1..1 MS
* performer only Reference(Organization)
* performer ^short = "The receiving organisation (接收机构)"
* reasonCode MS
* reasonReference MS
* supportingInfo MS
* supportingInfo ^short = "Reports, care plan, medication list and notes sent with the patient (转诊资料)"
* note MS

Invariant: onesheet-referral-reason
Description: "转诊须注明原因 (a referral gives its reason, as reasonCode or reasonReference)"
Expression: "reasonCode.exists() or reasonReference.exists()"
Severity: #error

Invariant: onesheet-referral-green-priority
Description: "绿色通道转诊的优先级不能为 routine (a green-channel referral is urgent, asap or stat)"
Expression: "extension.where(url = 'http://onesheet.org/fhir/StructureDefinition/green-channel').value.where($this = true).exists() implies priority != 'routine'"
Severity: #error

Profile: ReferralTask
Parent: Task
Id: referral-task
Title: "Referral Task (转诊任务)"
Description: """
The work of carrying out one referral: `focus` is the ReferralServiceRequest, `requester` the referring
organisation, `owner` the receiving one. `status` is the workflow state the server enforces (requested,
received, accepted, rejected, in-progress, completed, cancelled); `businessStatus` says where the referral
stands in the words of BSeR (created, accepted, declined, scheduled, no-show, completed, cancelled);
`output` carries the booked appointment and, at the end, the feedback that closes the loop.
"""
* obeys onesheet-referral-task-feedback and onesheet-referral-task-decline-reason
* status MS
* businessStatus 1..1 MS
* businessStatus from ReferralStatuses (required)
* statusReason MS
* intent = #order
* code 1..1 MS
* code = $task-code#fulfill
* focus 1..1 MS
* focus only Reference(ServiceRequest)
* for 1..1 MS
* for only Reference(Patient)
* authoredOn MS
* lastModified MS
* requester 1..1 MS
* requester only Reference(Organization)
* owner 1..1 MS
* owner only Reference(Organization)
* partOf MS
* partOf ^short = "The earlier Task, when the broker re-routes a declined referral (改派)"
* output MS
* output.type from ReferralOutputTypes (extensible)

Invariant: onesheet-referral-task-feedback
Description: "已完成的转诊须有回执 (a completed referral Task carries the receiving organisation's feedback in output)"
Expression: "status = 'completed' implies output.where(type.coding.where(system = 'http://onesheet.org/fhir/CodeSystem/referral-output-type' and code = 'feedback').exists()).exists()"
Severity: #error

Invariant: onesheet-referral-task-decline-reason
Description: "拒绝转诊须注明原因 (a rejected referral Task gives its reason in statusReason)"
Expression: "status = 'rejected' implies statusReason.exists()"
Severity: #error

// The green channel's reserved capacity (预留专家号、预留床位). A bed is a Location (physical type bd) with
// its own Schedule of bed-day Slots; an expert outpatient number is a Slot of an expert's Schedule at a
// consulting room. Either way the Schedule names a Location, whose managingOrganization is the receiving
// organisation, so the server finds a referral owner's reserved capacity with one search.

CodeSystem: GreenChannelReservation
Id: green-channel-reservation
Title: "Green-channel reservation (绿色通道预留资源)"
Description: "What a county hospital holds back for referred patients."
* ^caseSensitive = true
* ^experimental = false
* #expert-number "预留专家号" "An expert outpatient appointment reserved for referred patients."
* #bed "预留床位" "An inpatient bed reserved for referred patients, booked by the day."

ValueSet: GreenChannelReservations
Id: green-channel-reservations
Title: "Green-channel reservations (绿色通道预留资源)"
Description: "Expert numbers and beds."
* ^experimental = false
* include codes from system GreenChannelReservation

Profile: GreenChannelSchedule
Parent: Schedule
Id: green-channel-schedule
Title: "Green-channel Schedule (绿色通道号源/床位)"
Description: """
Capacity a county hospital reserves for referred patients: an expert's outpatient sessions (`serviceType`
expert-number, actors the expert's PractitionerRole and the consulting room) or one bed (`serviceType` bed,
actor the bed's Location). Its free Slots are what the server books when it accepts a green-channel referral.
The server finds a receiving organisation's reserved capacity through the Location's `managingOrganization`,
so a Schedule without a Location actor is never offered. (Not an invariant: inside a transaction bundle the
reference is still a `urn:uuid:` when the profile is checked.)
"""
* active 1..1 MS
* serviceType 1..1 MS
* serviceType from GreenChannelReservations (required)
* actor MS
* actor only Reference(Location or PractitionerRole)
* planningHorizon MS

// 用药衔接: what a township centre stocks, so that a downward referral's prescriptions can be continued there.

CodeSystem: OneSheetListType
Id: list-type
Title: "OneSheet list types"
Description: "What a List held by OneSheet is."
* ^caseSensitive = true
* ^experimental = false
* #formulary "药品目录" "The medicines an organisation stocks (its formulary)."

ValueSet: OneSheetListTypes
Id: list-types
Title: "OneSheet list types"
Description: "All OneSheet list types."
* ^experimental = false
* include codes from system OneSheetListType

Profile: Formulary
Parent: List
Id: formulary
Title: "Formulary (药品目录)"
Description: """
The medicines a member organisation stocks. The list's identifier names the organisation
(`http://onesheet.org/fhir/sid/formulary|<organisation id>`), each entry a Medication coded in the WHO ATC
classification. When a downward referral carries MedicationRequests, the server checks each against the
receiving township centre's formulary and names stocked substitutes of the same ATC class.
"""
* identifier 1..1 MS
* identifier.system = "http://onesheet.org/fhir/sid/formulary"
* identifier.value 1..1
* status = #current
* mode = #working
* code 1..1 MS
* code = OneSheetListType#formulary
* entry MS
* entry.item only Reference(Medication)

CodeSystem: ReferralFlag
Id: referral-flag
Title: "Referral flags (转诊标记)"
Description: "Tags the server puts on referral Tasks (`meta.tag`)."
* ^caseSensitive = true
* ^experimental = false
* #overdue "超时未接收" "The referral waited longer than the group's limit (48 hours by default) for acceptance."

// Search parameters for the referral and consultation archives (会诊、转诊档案) and the inbox.

Instance: referral-direction
InstanceOf: SearchParameter
Title: "ServiceRequest: referral direction"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/referral-direction"
* name = "direction"
* status = #active
* experimental = false
* description = "Referrals by direction: up (上转) or down (下转). Example: `Task?focus:ServiceRequest.direction=up`."
* code = #direction
* base = #ServiceRequest
* type = #token
* expression = "ServiceRequest.extension('http://onesheet.org/fhir/StructureDefinition/referral-direction').value"

Instance: referral-green-channel
InstanceOf: SearchParameter
Title: "ServiceRequest: green channel"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/referral-green-channel"
* name = "green-channel"
* status = #active
* experimental = false
* description = "Referrals through the green channel (绿色通道): `ServiceRequest?green-channel=true`."
* code = #green-channel
* base = #ServiceRequest
* type = #token
* expression = "ServiceRequest.extension('http://onesheet.org/fhir/StructureDefinition/green-channel').value"

Instance: task-party
InstanceOf: SearchParameter
Title: "Task: either party"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/task-party"
* name = "party"
* status = #active
* experimental = false
* description = "Referrals and consultations an organisation sent or received: `Task?party=Organization/<id>` matches the requester and the owner."
* code = #party
* base = #Task
* type = #reference
* expression = "Task.owner | Task.requester"
* target = #Organization

Instance: task-urgency
InstanceOf: SearchParameter
Title: "Task: urgency rank"
Usage: #definition
* url = "http://onesheet.org/fhir/SearchParameter/task-urgency"
* name = "urgency"
* status = #active
* experimental = false
* description = "Task.priority as a rank to sort by, most urgent first: 1 stat, 2 asap, 3 urgent, 4 routine or none. An inbox sorted by authored-on is sorted by urgency first (`_sort=urgency,-authored-on`), so that a stat consultation (e.g. suspected stroke) heads it."
* code = #urgency
* base = #Task
* type = #number
* expression = "iif(Task.priority = 'stat', 1, iif(Task.priority = 'asap', 2, iif(Task.priority = 'urgent', 3, 4)))"
