// The shared record (全省一张单): one resident across every clinic, and the results the group recognises.

Instance: recognized-results
InstanceOf: OperationDefinition
Usage: #definition
Title: "Recognised results (检查检验结果互认)"
Description: """
The final results of one LOINC-coded test for a resident, from any member of the group, that are still inside
the test's recognition window (e.g. 7 days for routine blood tests, 30 days for imaging, 90 days for HbA1c),
newest first. The patient may be any clinic's registration or the golden record: the search follows the MDM
links. A test without a window gives an empty Bundle with an OperationOutcome saying so.
"""
* url = "http://onesheet.org/fhir/OperationDefinition/recognized-results"
* name = "RecognizedResults"
* title = "Recognised results (检查检验结果互认)"
* status = #active
* kind = #operation
* experimental = false
* description = "The results of a test that the whole county group recognises, still inside their window."
* affectsState = false
* code = #recognized-results
* resource = #Patient
* system = false
* type = false
* instance = true
* parameter[0].name = #code
* parameter[0].use = #in
* parameter[0].min = 1
* parameter[0].max = "1"
* parameter[0].documentation = "The test, as http://loinc.org|<code>"
* parameter[0].type = #string
* parameter[0].searchType = #token
* parameter[1].name = #return
* parameter[1].use = #out
* parameter[1].min = 1
* parameter[1].max = "1"
* parameter[1].documentation = "A searchset Bundle of the recognised Observations and DiagnosticReports"
* parameter[1].type = #Bundle
