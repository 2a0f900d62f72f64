# The JVM settings OneSheet starts with, shared by start.sh and measure-startup.sh (README, "Start-up").
#   SerialGC, 768 MB heap: on 2 cores a parallel collector buys nothing and costs ~400 MB of RSS. The HL7
#   validator behind profile enforcement keeps ~250 MB of definitions live (~415 MB in all); at 512 MB every
#   write, validated or not, ran at half speed between full collections (README, "What validation costs").
#   TieredStopAtLevel=1 (C1 only): ~3 s faster to the first request; peak throughput is lower, see README.
#   The class data sharing archive built by build-cds.sh, if present, and the unpacked jar it was built from.
ONESHEET_JAR=target/onesheet.jar
ONESHEET_JAVA_OPTS="${ONESHEET_JAVA_OPTS:--XX:+UseSerialGC -Xmx768m -Xss512k -XX:ReservedCodeCacheSize=128m -XX:TieredStopAtLevel=1}"
if [ -f target/app/onesheet.jar ]; then
  ONESHEET_JAR=target/app/onesheet.jar
  if [ -f target/app/onesheet.jsa ]; then
    ONESHEET_JAVA_OPTS="$ONESHEET_JAVA_OPTS -XX:SharedArchiveFile=target/app/onesheet.jsa -Xshare:auto"
  fi
fi
