// The county group (紧密型县域医共体): its member institutions and the people who work at them.

CodeSystem: InstitutionLevel
Id: institution-level
Title: "Institution level (医共体机构层级)"
Description: "The level of a member of a county medical community. Displays are the Chinese terms clinic users read; definitions give the English."
* ^caseSensitive = true
* ^experimental = false
* #group "紧密型县域医共体" "County medical community: the group as a whole, led by the county general hospital."
* #county-hospital "县级总医院（牵头医院）" "County general hospital, the lead member of the group."
* #department "科室 / 诊断中心" "A department or shared centre of the county hospital (imaging, ECG, laboratory, stroke centre)."
* #township-centre "乡镇卫生院" "Township health centre, the group's branch in a township."
* #community-centre "社区卫生服务中心" "Community health centre (urban counterpart of a township health centre)."
* #village-clinic "村卫生室" "Village clinic, run by a village doctor under its township health centre."

ValueSet: InstitutionLevels
Id: institution-levels
Title: "Institution levels (医共体机构层级)"
Description: "Every level of a county group member."
* ^experimental = false
* include codes from system InstitutionLevel

Profile: OneSheetOrganization
Parent: Organization
Id: onesheet-organization
Title: "OneSheet Organization (医共体成员机构)"
Description: """
A member of a county group: the group itself, the county general hospital and its departments, township and
community health centres, village clinics. Its `type` is its level; every member below the group names the
organisation it belongs to in `partOf`; it is identified by its unified social credit code (统一社会信用代码)
or its licence number (医疗机构执业许可证登记号).
"""
* obeys onesheet-org-part-of and onesheet-org-identifier
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier contains creditCode 0..1 MS and licence 0..1 MS
* identifier[creditCode] ^short = "统一社会信用代码 (unified social credit code, GB 32100)"
* identifier[creditCode].system 1..1
* identifier[creditCode].system = $credit-code (exactly)
* identifier[creditCode].value 1..1
* identifier[creditCode].value obeys onesheet-credit-code-format
* identifier[licence] ^short = "医疗机构执业许可证登记号 (licence number)"
* identifier[licence].system 1..1
* identifier[licence].system = $institution-licence (exactly)
* identifier[licence].value 1..1
* active MS
* type 1..1 MS
* type from InstitutionLevels (required)
* name 1..1 MS
* alias MS
* address MS
* address.extension contains AddressDivision named division 0..1 MS
* partOf MS

Invariant: onesheet-org-part-of
Description: "医共体成员须注明上级机构 (every member below the group level names the organisation it belongs to in partOf)"
Expression: "type.coding.where(system = 'http://onesheet.org/fhir/CodeSystem/institution-level' and code = 'group').exists() or partOf.exists()"
Severity: #error

Invariant: onesheet-org-identifier
Description: "机构须有统一社会信用代码或执业许可证登记号 (an institution is identified by its unified social credit code or its licence number)"
Expression: "identifier.where(system = 'http://onesheet.org/fhir/sid/unified-social-credit-code' or system = 'http://onesheet.org/fhir/sid/institution-licence').exists()"
Severity: #error

Invariant: onesheet-credit-code-format
Description: "统一社会信用代码为18位 (a unified social credit code is 18 characters of digits and capital letters other than I, O, S, V, Z)"
Expression: "matches('^[0-9A-HJ-NPQRTUWXY]{18}$')"
Severity: #error

Profile: OneSheetPractitionerRole
Parent: PractitionerRole
Id: onesheet-practitioner-role
Title: "OneSheet PractitionerRole (执业地点)"
Description: """
One site a practitioner works at. A county specialist who also holds clinics at a township centre
(多点执业) has one PractitionerRole per site, each naming the organisation, so that referrals, reports and
care teams say where the work was done.
"""
* practitioner 1..1 MS
* practitioner only Reference(Practitioner)
* organization 1..1 MS
* organization only Reference(Organization)
* code 1..* MS
* specialty MS
* active MS
* period MS
* location MS
* telecom MS

Instance: unified-social-credit-code
InstanceOf: NamingSystem
Usage: #definition
Title: "Unified social credit code (统一社会信用代码)"
* name = "UnifiedSocialCreditCode"
* status = #active
* kind = #identifier
* date = "2026-11-25"
* publisher = "OneSheet"
* jurisdiction = urn:iso:std:iso:3166#CN
* description = "The 18-character code of GB 32100 that identifies every legal entity in China, hospitals and clinics among them."
* uniqueId[0].type = #uri
* uniqueId[0].value = "http://onesheet.org/fhir/sid/unified-social-credit-code"
* uniqueId[0].preferred = true

Instance: institution-licence
InstanceOf: NamingSystem
Usage: #definition
Title: "Medical institution licence number (医疗机构执业许可证登记号)"
* name = "InstitutionLicence"
* status = #active
* kind = #identifier
* date = "2026-11-25"
* publisher = "OneSheet"
* jurisdiction = urn:iso:std:iso:3166#CN
* description = "The registration number on a medical institution's practising licence; village clinics without a credit code of their own are identified by it."
* uniqueId[0].type = #uri
* uniqueId[0].value = "http://onesheet.org/fhir/sid/institution-licence"
* uniqueId[0].preferred = true

Instance: practitioner-licence
InstanceOf: NamingSystem
Usage: #definition
Title: "Practitioner licence number (医师执业证书编码)"
* name = "PractitionerLicence"
* status = #active
* kind = #identifier
* date = "2026-11-25"
* publisher = "OneSheet"
* jurisdiction = urn:iso:std:iso:3166#CN
* description = "The number of a doctor's practising certificate (医师执业证书)."
* uniqueId[0].type = #uri
* uniqueId[0].value = "http://onesheet.org/fhir/sid/practitioner-licence"
* uniqueId[0].preferred = true
