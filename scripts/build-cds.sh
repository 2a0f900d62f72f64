#!/usr/bin/env bash
# Prepares the fast start: unpacks target/onesheet.jar into target/app (classes load faster from plain jars
# than from a jar nested in a jar) and builds a class data sharing archive, target/app/onesheet.jsa, from a
# training start on a throw-away in-memory database. Run after every `mvn package`; scripts/start.sh does.
#
# JDK 17's dynamic archive (-XX:ArchiveClassesAtExit) crashes on HAPI's class set, so this builds a static
# archive from a class list instead, leaving out the lambda proxies JDK 17 cannot archive statically.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/onesheet.jar ] || { echo "target/onesheet.jar is missing: run mvn -B package -DskipTests" >&2; exit 1; }
rm -rf target/app
java -Djarmode=tools -jar target/onesheet.jar extract --destination target/app > /dev/null
java -XX:+UseSerialGC -Xmx512m -XX:DumpLoadedClassList=target/app/classes.raw.lst \
  -Dspring.context.exit=onRefresh -jar target/app/onesheet.jar \
  --onesheet.demo-data=false --spring.datasource.url=jdbc:h2:mem:cds-training --server.port=0 \
  > target/app/training.log 2>&1
grep -v '@' target/app/classes.raw.lst > target/app/classes.lst
java -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile=target/app/classes.lst \
  -XX:SharedArchiveFile=target/app/onesheet.jsa -jar target/app/onesheet.jar > target/app/dump.log 2>&1
echo "class data sharing archive: target/app/onesheet.jsa ($(du -m target/app/onesheet.jsa | cut -f1) MB, $(wc -l < target/app/classes.lst) classes)"
