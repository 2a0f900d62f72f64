// Residents (居民) and the identifiers every member of the group uses for them.

Profile: OneSheetPatient
Parent: Patient
Id: onesheet-patient
Title: "OneSheet Patient (居民)"
Description: """
A resident as every member of the county group records them: the national resident ID (居民身份证号), the
medical insurance card number (医保卡号) and each clinic's own record numbers (健康档案号 / 门诊号 / 住院号),
the name as written in Chinese, and the home address with its GB/T 2260 division code. The server checks
what FHIRPath cannot: the GB 11643 check digit, and that the birth date and sex encoded in the ID agree with
`birthDate` and `gender`.
"""
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "Sliced by system: the resident ID, the insurance card, and any other (a clinic's record number)."
* identifier contains residentId 0..1 MS and insuranceCard 0..1 MS
* identifier[residentId] ^short = "居民身份证号 (resident ID, GB 11643)"
* identifier[residentId].system 1..1
* identifier[residentId].system = $resident-id (exactly)
* identifier[residentId].value 1..1
* identifier[residentId].value obeys onesheet-resident-id-format
* identifier[insuranceCard] ^short = "医保卡号 (medical insurance card number)"
* identifier[insuranceCard].system 1..1
* identifier[insuranceCard].system = $insurance-card (exactly)
* identifier[insuranceCard].value 1..1
* identifier obeys onesheet-local-record
* name 1..* MS
* name.text 1..1 MS
* name.text ^short = "姓名, as written (e.g. 王建国)"
* name obeys onesheet-name-chinese
* gender 1..1 MS
* birthDate 1..1 MS
* address MS
* address.extension contains AddressDivision named division 0..1 MS
* address.district MS
* address.district ^short = "区县 (county-level division, by name; its code is in the division extension)"
* managingOrganization MS
* managingOrganization only Reference(Organization)

Invariant: onesheet-resident-id-format
Description: "身份证号应为18位，前17位为数字 (a resident ID is 17 digits and a check character 0-9 or X)"
Expression: "matches('^[0-9]{17}[0-9Xx]$')"
Severity: #error

Invariant: onesheet-local-record
Description: "本院档案号用本机构的号码体系 (a clinic's record number (type MR) uses that clinic's system, http://onesheet.org/fhir/sid/local-record/<Organization id>)"
Expression: "type.coding.where(code = 'MR').exists() implies system.startsWith('http://onesheet.org/fhir/sid/local-record/')"
Severity: #error

Invariant: onesheet-name-chinese
Description: "姓名应以汉字书写 (the name's text should be written in Chinese characters)"
Expression: "text.exists() implies text.matches('^.*[\\u3400-\\u9fff].*$')"
Severity: #warning

Extension: AddressDivision
Id: address-division
Title: "Administrative division code (行政区划代码)"
Description: "The GB/T 2260 code of the county-level division (区县代码) an address lies in. `Address.district` keeps the county's name for people; this extension keeps its code for search and statistics (e.g. 652327 吉木萨尔县)."
Context: Address
* value[x] only Coding
* valueCoding 1..1
* valueCoding.system 1..1
* valueCoding.system = "http://onesheet.org/fhir/CodeSystem/gb-t-2260" (exactly)
* valueCoding.code 1..1
* valueCoding.code obeys onesheet-division-code

Invariant: onesheet-division-code
Description: "行政区划代码为6位数字 (a GB/T 2260 division code is 6 digits)"
Expression: "matches('^[0-9]{6}$')"
Severity: #error

CodeSystem: GbT2260
Id: gb-t-2260
Title: "GB/T 2260 administrative divisions (中华人民共和国行政区划代码)"
Description: "The national administrative division codes, 6 digits (province, prefecture, county). Not listed here: the national standard is the source."
* ^caseSensitive = true
* ^content = #not-present
* ^experimental = false

Instance: resident-id
InstanceOf: NamingSystem
Usage: #definition
Title: "Resident ID (居民身份证号)"
* name = "ResidentId"
* status = #active
* kind = #identifier
* date = "2026-11-25"
* publisher = "OneSheet"
* responsible = "公安部 (Ministry of Public Security)"
* jurisdiction = urn:iso:std:iso:3166#CN
* description = "The 18-character citizen identity number of GB 11643: 6-digit division code of issue, birth date (8 digits), 3-digit sequence (odd for men), check character (ISO 7064 MOD 11-2). The OID is the one China's 互联互通 CDA templates use."
* uniqueId[0].type = #oid
* uniqueId[0].value = "2.16.156.10011.1.3"
* uniqueId[1].type = #uri
* uniqueId[1].value = "urn:oid:2.16.156.10011.1.3"
* uniqueId[1].preferred = true

Instance: insurance-card
InstanceOf: NamingSystem
Usage: #definition
Title: "Medical insurance card number (医保卡号)"
* name = "InsuranceCard"
* status = #active
* kind = #identifier
* date = "2026-11-25"
* publisher = "OneSheet"
* responsible = "国家医疗保障局 (National Healthcare Security Administration)"
* jurisdiction = urn:iso:std:iso:3166#CN
* description = "The number of a resident's medical insurance card."
* uniqueId[0].type = #oid
* uniqueId[0].value = "2.16.156.10011.1.15"
* uniqueId[1].type = #uri
* uniqueId[1].value = "urn:oid:2.16.156.10011.1.15"
* uniqueId[1].preferred = true

Instance: local-record
InstanceOf: NamingSystem
Usage: #definition
Title: "A clinic's own record numbers (本机构档案号)"
* name = "LocalRecord"
* status = #active
* kind = #identifier
* date = "2026-11-25"
* publisher = "OneSheet"
* description = "Each member keeps its own numbers (健康档案号, 门诊号, 住院号). Their system is this URI followed by a slash and the member's Organization id, e.g. http://onesheet.org/fhir/sid/local-record/jmse-tc-01, so the same number at two clinics never collides."
* uniqueId[0].type = #uri
* uniqueId[0].value = "http://onesheet.org/fhir/sid/local-record"
* uniqueId[0].preferred = true
