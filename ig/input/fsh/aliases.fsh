// Code systems and identifier systems used across the IG. OneSheet's own systems live under the canonical
// base set in sushi-config.yaml; the server spells the same URLs in org.onesheet.identity.Systems.
Alias: $loinc = http://loinc.org
Alias: $sct = http://snomed.info/sct
Alias: $icd10 = http://hl7.org/fhir/sid/icd-10
Alias: $ucum = http://unitsofmeasure.org
Alias: $dcm = http://dicom.nema.org/resources/ontology/DCM
Alias: $v2-0203 = http://terminology.hl7.org/CodeSystem/v2-0203
Alias: $v2-0074 = http://terminology.hl7.org/CodeSystem/v2-0074
Alias: $task-code = http://hl7.org/fhir/CodeSystem/task-code
Alias: $obs-category = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $condition-clinical = http://terminology.hl7.org/CodeSystem/condition-clinical
Alias: $condition-category = http://terminology.hl7.org/CodeSystem/condition-category
Alias: $practitioner-role = http://terminology.hl7.org/CodeSystem/practitioner-role
Alias: $goal-achievement = http://terminology.hl7.org/CodeSystem/goal-achievement

Alias: $resident-id = urn:oid:2.16.156.10011.1.3
Alias: $insurance-card = urn:oid:2.16.156.10011.1.15
Alias: $credit-code = http://onesheet.org/fhir/sid/unified-social-credit-code
Alias: $institution-licence = http://onesheet.org/fhir/sid/institution-licence
Alias: $practitioner-licence = http://onesheet.org/fhir/sid/practitioner-licence
Alias: $local-record = http://onesheet.org/fhir/sid/local-record
