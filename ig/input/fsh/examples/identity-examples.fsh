// Two residents of 三台镇, registered at their village clinic, the township centre and (one of them) the county.

Instance: ex-pat-zhao
InstanceOf: OneSheetPatient
Title: "赵德明 (a hypertensive resident seen at all three levels)"
Description: "Resident ID, insurance card and the record numbers of three members."
* identifier[0].system = $resident-id
* identifier[0].value = "652327195803120316"
* identifier[0].type = $v2-0203#NI "National unique individual identifier"
* identifier[0].type.text = "居民身份证号"
* identifier[1].system = $insurance-card
* identifier[1].value = "652327010000000017"
* identifier[1].type.text = "医保卡号"
* identifier[+].system = "http://onesheet.org/fhir/sid/local-record/ex-vc-xiaying"
* identifier[=].value = "JK00000017"
* identifier[=].type = $v2-0203#MR "Medical record number"
* identifier[=].type.text = "健康档案号"
* identifier[+].system = "http://onesheet.org/fhir/sid/local-record/ex-tc-santai"
* identifier[=].value = "MZ03000017"
* identifier[=].type = $v2-0203#MR "Medical record number"
* identifier[=].type.text = "门诊号"
* identifier[+].system = "http://onesheet.org/fhir/sid/local-record/ex-county-hospital"
* identifier[=].value = "ZY1000017"
* identifier[=].type = $v2-0203#MR "Medical record number"
* identifier[=].type.text = "住院号"
* active = true
* name.text = "赵德明"
* name.family = "赵"
* name.given = "德明"
* gender = #male
* birthDate = "1958-03-12"
* telecom.system = #phone
* telecom.value = "13899412345"
* address.text = "新疆维吾尔自治区昌吉回族自治州吉木萨尔县三台镇下营村12号"
* address.line = "三台镇下营村12号"
* address.city = "昌吉回族自治州"
* address.district = "吉木萨尔县"
* address.state = "新疆维吾尔自治区"
* address.postalCode = "831700"
* address.country = "CN"
* address.extension[division].valueCoding = GbT2260#652327 "吉木萨尔县"
* managingOrganization = Reference(ex-vc-xiaying)

Instance: ex-pat-ayi
InstanceOf: OneSheetPatient
Title: "阿依古丽·买买提 (a diabetic resident)"
Description: "A Uyghur name written in Chinese characters, as on her resident ID card; registered at the village and township only."
* identifier[0].system = $resident-id
* identifier[0].value = "652327196711050247"
* identifier[0].type.text = "居民身份证号"
* identifier[1].system = $insurance-card
* identifier[1].value = "652327010000000024"
* identifier[+].system = "http://onesheet.org/fhir/sid/local-record/ex-vc-xiaying"
* identifier[=].value = "JK00000024"
* identifier[=].type = $v2-0203#MR "Medical record number"
* identifier[=].type.text = "健康档案号"
* active = true
* name.text = "阿依古丽·买买提"
* gender = #female
* birthDate = "1967-11-05"
* address.text = "新疆维吾尔自治区昌吉回族自治州吉木萨尔县三台镇下营村45号"
* address.line = "三台镇下营村45号"
* address.district = "吉木萨尔县"
* address.extension[division].valueCoding = GbT2260#652327 "吉木萨尔县"
* managingOrganization = Reference(ex-vc-xiaying)
