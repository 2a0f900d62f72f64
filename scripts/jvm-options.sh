# The JVM settings OneSheet starts with, shared by start.sh and measure-startup.sh (README, "Start-up").
#   SerialGC: on 2 cores a parallel collector buys nothing and costs ~400 MB of RSS. Heap up to 2 GB: the HL7
#   validator behind profile enforcement keeps ~250 MB of definitions live, and a member's transaction Bundle
#   of 600 entries holds ~80,000 Hibernate entities until it commits; at 768 MB four such loads side by side
#   went from one full collection to the next (README, Performance). The heap grows only when used: start-up
#   RSS is unchanged. Full tiered JIT (C2): a node serves all day, and C1-only ran bulk loads at half speed;
#   it costs ~3 s of start-up (README, Start-up).
#   The class data sharing archive built by build-cds.sh, if present, and the unpacked jar it was built from.
ONESHEET_JAR=target/onesheet.jar
ONESHEET_JAVA_OPTS="${ONESHEET_JAVA_OPTS:--XX:+UseSerialGC -Xmx2g -Xss512k -XX:ReservedCodeCacheSize=240m}"
if [ -f target/app/onesheet.jar ]; then
  ONESHEET_JAR=target/app/onesheet.jar
  if [ -f target/app/onesheet.jsa ]; then
    ONESHEET_JAVA_OPTS="$ONESHEET_JAVA_OPTS -XX:SharedArchiveFile=target/app/onesheet.jsa -Xshare:auto"
  fi
fi
