#!/usr/bin/env bash
# Prints an access token from OneSheet's built-in issuer (SMART backend services, client_credentials).
#   scripts/token.sh <client id> [scope] [server]                 client secret from ONESHEET_CLIENT_SECRET (default: the demo secret)
#   scripts/token.sh <client id> [scope] [server] --key <pem>     private_key_jwt: an RS384 assertion signed with the client's key
# Example: T=$(scripts/token.sh jmse-tc-01); curl -H "Authorization: Bearer $T" http://localhost:8080/fhir/Patient/jmse-pat-000001
#          T=$(scripts/token.sh jmse-emr 'system/*.rs' http://localhost:8080 --key scripts/demo-keys/jmse-emr.private.pem)
set -euo pipefail
client=${1:?client id}
scope=${2:-system/*.crus}
server=${3:-http://localhost:8080}
key=""
if [[ "${4:-}" == "--key" ]]; then key=${5:?key file}; fi
endpoint="$server/oauth2/token"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

if [[ -n "$key" ]]; then
  now=$(date +%s)
  header=$(printf '{"alg":"RS384","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","sub":"%s","aud":"%s","jti":"%s","iat":%d,"exp":%d}' \
    "$client" "$client" "$endpoint" "$(openssl rand -hex 16)" "$now" $((now + 300)) | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha384 -sign "$key" -binary | b64url)
  response=$(curl -s "$endpoint" -d grant_type=client_credentials --data-urlencode "scope=$scope" \
    -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
    -d "client_assertion=$header.$payload.$signature")
else
  response=$(curl -s "$endpoint" -u "$client:${ONESHEET_CLIENT_SECRET:-demo-secret}" \
    -d grant_type=client_credentials --data-urlencode "scope=$scope")
fi
token=$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
if [[ -z "$token" ]]; then
  echo "no token: $response" >&2
  exit 1
fi
printf '%s\n' "$token"
