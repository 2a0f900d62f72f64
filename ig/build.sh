#!/usr/bin/env bash
# Compiles the IG with SUSHI and packs it as the FHIR NPM package the server loads at start.
# Run by the Maven build (generate-resources) after `npm ci`; also runs alone: `ig/build.sh`.
#
# SUSHI resolves hl7.fhir.r4.core#4.0.1 from ~/.fhir/packages and would download it from packages.fhir.org,
# which we cannot reach. The npm registry serves hl7.fhir.r4.examples@4.0.1, which holds the complete core
# definitions, so we build the core package from it, in a package cache under target/ (never the user's
# ~/.fhir). The HL7 validator test reads the same cache.
set -euo pipefail
IG="$(cd "$(dirname "$0")" && pwd)"
TARGET="${1:-$IG/../target}"
mkdir -p "$TARGET"
TARGET="$(cd "$TARGET" && pwd)"
FHIR_HOME="$TARGET/fhir-home"
PACKAGES="$FHIR_HOME/.fhir/packages"
DOWNLOADS="$TARGET/fhir-downloads"
export FPL_REGISTRY="$(npm config get registry 2>/dev/null)"

fetch() { # name version: the package's tarball from the npm registry, once
  local tgz="$DOWNLOADS/$1-$2.tgz"
  if [ ! -s "$tgz" ]; then
    mkdir -p "$DOWNLOADS"
    (cd "$DOWNLOADS" && npm pack "$1@$2" --silent >/dev/null 2>&1) || { echo "npm pack $1@$2 failed" >&2; exit 1; }
  fi
  echo "$tgz"
}

core="$PACKAGES/hl7.fhir.r4.core#4.0.1/package"
if [ ! -f "$core/package.json" ]; then
  rm -rf "$core" && mkdir -p "$core"
  tar -xzf "$(fetch hl7.fhir.r4.examples 4.0.1)" -C "$core" --strip-components=1 --wildcards \
    'package/StructureDefinition-*' 'package/ValueSet-*' 'package/CodeSystem-*' 'package/SearchParameter-*' \
    'package/OperationDefinition-*' 'package/CapabilityStatement-*' 'package/CompartmentDefinition-*' \
    'package/ConceptMap-*' 'package/NamingSystem-*'
  cat > "$core/package.json" <<'JSON'
{"name":"hl7.fhir.r4.core","version":"4.0.1","type":"fhir.core","fhirVersions":["4.0.1"],"canonical":"http://hl7.org/fhir","url":"http://hl7.org/fhir/R4","title":"FHIR R4 core definitions, rebuilt from hl7.fhir.r4.examples@4.0.1"}
JSON
fi

xver="$PACKAGES/hl7.fhir.xver-extensions#0.1.0"
if [ ! -f "$xver/package/package.json" ]; then
  rm -rf "$xver" && mkdir -p "$xver"
  tar -xzf "$(fetch hl7.fhir.xver-extensions 0.1.0)" -C "$xver"
fi

# SUSHI writes fsh-generated/ next to its input; build a copy under target/ so the source tree stays clean.
work="$TARGET/ig-build"
rm -rf "$work" && mkdir -p "$work"
cp -r "$IG/sushi-config.yaml" "$IG/input" "$work/"
HOME="$FHIR_HOME" "$IG/node_modules/.bin/sushi" build "$work" >"$TARGET/sushi.log" 2>&1 \
  || { cat "$TARGET/sushi.log" >&2; exit 1; }
# hl7.fhir.uv.tools.r4, which SUSHI also asks for, is not on the npm registry and is not needed here.
if grep -E '^\s*(error|warn)\s' "$TARGET/sushi.log" | grep -qv 'hl7.fhir.uv.tools'; then
  grep -E '^\s*(error|warn)\s' -A3 "$TARGET/sushi.log" >&2
  echo "SUSHI reported errors or warnings (full log: $TARGET/sushi.log)" >&2
  exit 1
fi

# The FHIR NPM package: package/package.json plus one JSON file per resource.
pkg="$TARGET/ig-package"
rm -rf "$pkg" && mkdir -p "$pkg/package/example"
version="$(sed -n 's/^version: *//p' "$IG/sushi-config.yaml")"
cat > "$pkg/package/package.json" <<JSON
{"name":"onesheet.fhir.ig","version":"$version","type":"IG","fhirVersions":["4.0.1"],"canonical":"http://onesheet.org/fhir","title":"OneSheet","dependencies":{"hl7.fhir.r4.core":"4.0.1"}}
JSON
for f in "$work"/fsh-generated/resources/*.json; do
  name="$(basename "$f")"
  case "$name" in
    StructureDefinition-*|CodeSystem-*|ValueSet-*|NamingSystem-*|SearchParameter-*|OperationDefinition-*|Measure-*|ImplementationGuide-*) cp "$f" "$pkg/package/" ;;
    *) cp "$f" "$pkg/package/example/" ;;
  esac
done
mkdir -p "$TARGET/classes/ig"
tar -czf "$TARGET/classes/ig/onesheet.fhir.ig.tgz" -C "$pkg" package
echo "IG: $(find "$pkg/package" -maxdepth 1 -name "*.json" ! -name package.json | wc -l) conformance resources, $(ls "$pkg/package/example" | wc -l) examples -> target/classes/ig/onesheet.fhir.ig.tgz"
