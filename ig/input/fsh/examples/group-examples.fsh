// The example county group: 吉木萨尔县医共体, its county general hospital, two reading centres, the 三台镇
// township health centre and one of its village clinics, and the doctors who work there.

Instance: ex-group
InstanceOf: OneSheetOrganization
Title: "吉木萨尔县医共体 (the county group)"
Description: "The group as a whole: the root of every member's partOf chain."
* identifier[creditCode].value = "12652327526018159C"
* active = true
* type = InstitutionLevel#group "紧密型县域医共体"
* name = "吉木萨尔县紧密型县域医共体"
* alias = "吉木萨尔县医共体"
* address.text = "新疆维吾尔自治区昌吉回族自治州吉木萨尔县"
* address.district = "吉木萨尔县"
* address.extension[division].valueCoding = GbT2260#652327 "吉木萨尔县"

Instance: ex-county-hospital
InstanceOf: OneSheetOrganization
Title: "吉木萨尔县总医院 (county general hospital)"
Description: "The lead member of the group."
* identifier[creditCode].value = "12652327083016613L"
* active = true
* type = InstitutionLevel#county-hospital "县级总医院（牵头医院）"
* name = "吉木萨尔县总医院"
* address.text = "新疆维吾尔自治区昌吉回族自治州吉木萨尔县北庭路1号"
* address.line = "北庭路1号"
* address.district = "吉木萨尔县"
* address.postalCode = "831700"
* address.extension[division].valueCoding = GbT2260#652327 "吉木萨尔县"
* partOf = Reference(ex-group)

Instance: ex-ecg-centre
InstanceOf: OneSheetOrganization
Title: "心电诊断中心 (ECG reading centre)"
Description: "A shared centre of the county hospital that reads ECGs recorded at the townships."
* identifier[creditCode].value = "12652327186091390A"
* active = true
* type = InstitutionLevel#department "科室 / 诊断中心"
* name = "吉木萨尔县总医院心电诊断中心"
* partOf = Reference(ex-county-hospital)

Instance: ex-imaging-centre
InstanceOf: OneSheetOrganization
Title: "影像诊断中心 (imaging reading centre)"
Description: "A shared centre of the county hospital that reads X-ray, ultrasound and fundus images taken at the townships."
* identifier[creditCode].value = "126523279960308243"
* active = true
* type = InstitutionLevel#department "科室 / 诊断中心"
* name = "吉木萨尔县总医院影像诊断中心"
* partOf = Reference(ex-county-hospital)

Instance: ex-tc-santai
InstanceOf: OneSheetOrganization
Title: "三台镇卫生院 (township health centre)"
Description: "The group's branch in 三台镇."
* identifier[creditCode].value = "12652327628194821K"
* active = true
* type = InstitutionLevel#township-centre "乡镇卫生院"
* name = "吉木萨尔县三台镇卫生院"
* alias = "吉木萨尔县总医院三台分院"
* address.text = "新疆维吾尔自治区昌吉回族自治州吉木萨尔县三台镇振兴路8号"
* address.line = "三台镇振兴路8号"
* address.district = "吉木萨尔县"
* address.extension[division].valueCoding = GbT2260#652327 "吉木萨尔县"
* partOf = Reference(ex-group)

Instance: ex-vc-xiaying
InstanceOf: OneSheetOrganization
Title: "下营村卫生室 (village clinic)"
Description: "A village clinic under the 三台镇 centre, identified by its licence number (it has no credit code of its own)."
* identifier[licence].value = "PDY652327J30015"
* active = true
* type = InstitutionLevel#village-clinic "村卫生室"
* name = "三台镇下营村卫生室"
* address.text = "新疆维吾尔自治区昌吉回族自治州吉木萨尔县三台镇下营村"
* address.district = "吉木萨尔县"
* address.extension[division].valueCoding = GbT2260#652327 "吉木萨尔县"
* partOf = Reference(ex-tc-santai)

Instance: ex-dr-wang
InstanceOf: Practitioner
Title: "王建国 (county cardiologist)"
Usage: #example
* identifier.system = $practitioner-licence
* identifier.value = "110652300012345"
* name.text = "王建国"
* name.family = "王"
* name.given = "建国"
* gender = #male

Instance: ex-dr-li
InstanceOf: Practitioner
Title: "李秀英 (township general practitioner)"
Usage: #example
* identifier.system = $practitioner-licence
* identifier.value = "210652300054321"
* name.text = "李秀英"
* name.family = "李"
* name.given = "秀英"
* gender = #female

Instance: ex-dr-ma
InstanceOf: Practitioner
Title: "马立新 (village doctor)"
Usage: #example
* identifier.system = $practitioner-licence
* identifier.value = "410652300067890"
* name.text = "马立新"
* name.family = "马"
* name.given = "立新"
* gender = #male

Instance: ex-dr-zhang
InstanceOf: Practitioner
Title: "张敏 (ECG reader)"
Usage: #example
* identifier.system = $practitioner-licence
* identifier.value = "110652300011111"
* name.text = "张敏"
* name.family = "张"
* name.given = "敏"
* gender = #female

Instance: ex-role-wang-county
InstanceOf: OneSheetPractitionerRole
Title: "王建国 at the county hospital (心内科)"
Description: "王建国's main post: cardiology at the county general hospital."
* active = true
* practitioner = Reference(ex-dr-wang) "王建国"
* organization = Reference(ex-county-hospital) "吉木萨尔县总医院"
* code = $practitioner-role#doctor "Doctor"
* code.text = "主任医师"
* specialty = $sct#394579002 "Cardiology"
* specialty.text = "心血管内科"

Instance: ex-role-wang-santai
InstanceOf: OneSheetPractitionerRole
Title: "王建国 at 三台镇卫生院 (多点执业)"
Description: "The same cardiologist holds a weekly clinic at the township centre (multi-site practice, 多点执业): a second role, at the second site."
* active = true
* practitioner = Reference(ex-dr-wang) "王建国"
* organization = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* code = $practitioner-role#doctor "Doctor"
* code.text = "下沉专家（每周三坐诊）"
* specialty = $sct#394579002 "Cardiology"
* availableTime.daysOfWeek = #wed
* availableTime.availableStartTime = "09:00:00"
* availableTime.availableEndTime = "17:00:00"

Instance: ex-role-li-santai
InstanceOf: OneSheetPractitionerRole
Title: "李秀英 at 三台镇卫生院 (全科)"
Description: "The township general practitioner who leads family doctor teams."
* active = true
* practitioner = Reference(ex-dr-li) "李秀英"
* organization = Reference(ex-tc-santai) "吉木萨尔县三台镇卫生院"
* code = $practitioner-role#doctor "Doctor"
* code.text = "全科医生"

Instance: ex-role-ma-xiaying
InstanceOf: OneSheetPractitionerRole
Title: "马立新 at 下营村卫生室 (乡村医生)"
Description: "The village doctor."
* active = true
* practitioner = Reference(ex-dr-ma) "马立新"
* organization = Reference(ex-vc-xiaying) "三台镇下营村卫生室"
* code = $practitioner-role#doctor "Doctor"
* code.text = "乡村医生"

Instance: ex-role-zhang-ecg
InstanceOf: OneSheetPractitionerRole
Title: "张敏 at the ECG reading centre"
Description: "The county doctor who reads township ECGs."
* active = true
* practitioner = Reference(ex-dr-zhang) "张敏"
* organization = Reference(ex-ecg-centre) "吉木萨尔县总医院心电诊断中心"
* code = $practitioner-role#doctor "Doctor"
* code.text = "心电图诊断医师"

Instance: ex-dr-liu
InstanceOf: Practitioner
Title: "刘强 (radiologist)"
Usage: #example
* identifier.system = $practitioner-licence
* identifier.value = "110652300022222"
* name.text = "刘强"
* name.family = "刘"
* name.given = "强"
* gender = #male

Instance: ex-role-liu-imaging
InstanceOf: OneSheetPractitionerRole
Title: "刘强 at the imaging reading centre"
Description: "The county radiologist who reads township images."
* active = true
* practitioner = Reference(ex-dr-liu) "刘强"
* organization = Reference(ex-imaging-centre) "吉木萨尔县总医院影像诊断中心"
* code = $practitioner-role#doctor "Doctor"
* code.text = "影像诊断医师"
