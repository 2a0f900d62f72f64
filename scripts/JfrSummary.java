import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a OneSheet server's CPU went, from a JFR recording (scripts/bench.sh --server-opts
 * "-XX:StartFlightRecording=filename=run.jfr,settings=profile"): execution samples by thread kind, and each
 * sample put in the first of the README's categories any frame of its stack falls in (so "audit" holds what
 * the audit trail called, HAPI's create included).
 * Usage: java scripts/JfrSummary.java run.jfr [thread-name-prefix, e.g. http-nio-exec for the request threads]
 */
public class JfrSummary {

	/** Category, and the frame prefixes (class names) that put a sample in it, in order of precedence. */
	private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

	static {
		CATEGORIES.put("audit: storing queued events (drain)", List.of("org.onesheet.security.AuditQueueDrain"));
		CATEGORIES.put("audit: making and queueing events", List.of("org.onesheet.security.Audit",
				"ca.uhn.fhir.storage.interceptor.balp"));
		CATEGORIES.put("profile validation", List.of("org.hl7.fhir.validation", "ca.uhn.fhir.validation",
				"org.hl7.fhir.common.hapi.validation"));
		CATEGORIES.put("chronic grading", List.of("org.onesheet.chronic"));
		CATEGORIES.put("MDM", List.of("ca.uhn.fhir.jpa.mdm", "ca.uhn.fhir.mdm"));
		CATEGORIES.put("subscription matching", List.of("ca.uhn.fhir.jpa.subscription", "ca.uhn.fhir.subscription"));
		CATEGORIES.put("search-index extraction", List.of("ca.uhn.fhir.jpa.searchparam.extractor"));
		CATEGORIES.put("Hibernate flush", List.of("org.hibernate.event.internal.AbstractFlushingEventListener"));
		CATEGORIES.put("search", List.of("ca.uhn.fhir.jpa.search"));
		CATEGORIES.put("parsing", List.of("ca.uhn.fhir.parser.JsonParser.parse", "ca.uhn.fhir.parser.BaseParser.parseResource"));
		CATEGORIES.put("encoding", List.of("ca.uhn.fhir.parser.BaseParser.encode", "ca.uhn.fhir.parser.JsonParser.encode"));
	}

	public static void main(String[] args) throws Exception {
		Map<String, Integer> byThread = new TreeMap<>();
		Map<String, Integer> byCategory = new LinkedHashMap<>();
		CATEGORIES.keySet().forEach(category -> byCategory.put(category, 0));
		byCategory.put("other", 0);
		int total = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			String thread = threadKind(event.getThread("sampledThread").getJavaName());
			if (args.length > 1 && !thread.startsWith(args[1])) {
				continue;
			}
			total++;
			byThread.merge(thread, 1, Integer::sum);
			byCategory.merge(category(event.getStackTrace().getFrames()), 1, Integer::sum);
		}
		System.out.printf("%d execution samples%n%nby thread%n", total);
		for (Map.Entry<String, Integer> entry : byThread.entrySet()) {
			System.out.printf("  %-40s %5.1f%%%n", entry.getKey(), 100.0 * entry.getValue() / total);
		}
		System.out.printf("%nby what the stack was doing (first match, top of the list first)%n");
		for (Map.Entry<String, Integer> entry : byCategory.entrySet()) {
			if (entry.getValue() > 0) {
				System.out.printf("  %-40s %5.1f%%%n", entry.getKey(), 100.0 * entry.getValue() / total);
			}
		}
	}

	private static String category(List<RecordedFrame> frames) {
		for (Map.Entry<String, List<String>> category : CATEGORIES.entrySet()) {
			for (RecordedFrame frame : frames) {
				String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
				if (category.getValue().stream().anyMatch(method::startsWith)) {
					return category.getKey();
				}
			}
		}
		return "other";
	}

	/** Request threads, the scheduler (the audit drain, sweeps), HAPI's and Spring's others, by name without numbers. */
	private static String threadKind(String name) {
		return name == null ? "?" : name.replaceAll("[-#]?\\d+", "").replaceAll("\\s+", " ");
	}
}
