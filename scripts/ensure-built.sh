# Sourced by start.sh and the measuring scripts: builds the jar when the sources (or the IG) are newer, and
# the class data sharing archive when the jar is newer, so nothing runs an out-of-date build.
if [ ! -f target/onesheet.jar ] || [ -n "$(find src pom.xml ig/input ig/sushi-config.yaml -newer target/onesheet.jar -print -quit)" ]; then
  mvn -B -q package -DskipTests
fi
if [ ! -f target/app/onesheet.jsa ] || [ target/onesheet.jar -nt target/app/onesheet.jsa ]; then
  scripts/build-cds.sh
fi
