// Security: who may see and do what (README, Security).

CodeSystem: CountyGroup
Id: county-group
Title: "County group (医共体归属)"
Description: "The county group a patient's record belongs to, as a meta tag the server sets on every write of patient data (the Patient and the Patient compartment, plus Task). The code is the id of the group's Organization, e.g. `jmse-group`. A client sees the patient data of its own group only; searches are narrowed by this tag. Clients never set it: tags they send are replaced."
* ^caseSensitive = true
* ^experimental = false
* ^content = #not-present

Instance: oauth-client
InstanceOf: NamingSystem
Usage: #definition
Title: "OAuth client id (客户端标识)"
* name = "OAuthClient"
* status = #active
* kind = #identifier
* date = "2026-12-02"
* publisher = "OneSheet"
* jurisdiction = urn:iso:std:iso:3166#CN
* description = "The client id a system authenticates with at OneSheet's token endpoint (SMART backend services). Audit events name the client that acted by this identifier in `AuditEvent.agent.who.identifier`, beside the organisation it acts for."
* uniqueId[0].type = #uri
* uniqueId[0].value = "http://onesheet.org/fhir/sid/oauth-client"
* uniqueId[0].preferred = true
