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
 * "-XX:StartFlightRecording=filename=run.jfr,settings=profile"): execution samples by thread kind, and by
 * what they were doing: a feature when any frame of the stack is one (so "audit" holds what the audit trail
 * called, HAPI's create included), else the technical step of the frame nearest the top of the stack.
 * Usage: java scripts/JfrSummary.java run.jfr [thread-name-prefix, e.g. http-nio-exec for the request threads]
 */
public class JfrSummary {

	/**
	 * Features, and the frame prefixes (class or method names) that put a sample in them, in order of precedence:
	 * a sample anywhere under a feature's frames is that feature's, HAPI's work for it included.
	 */
	private static final Map<String, List<String>> FEATURES = new LinkedHashMap<>();
	/** The rest by the frame nearest the top of the stack that names one of these. */
	private static final Map<String, List<String>> INNERMOST = new LinkedHashMap<>();

	static {
		FEATURES.put("audit: storing queued events (drain)", List.of("org.onesheet.security.AuditQueueDrain"));
		FEATURES.put("audit: making and queueing events", List.of("org.onesheet.security.Audit",
				"ca.uhn.fhir.storage.interceptor.balp"));
		FEATURES.put("profile validation", List.of("org.hl7.fhir.validation", "ca.uhn.fhir.validation",
				"org.hl7.fhir.common.hapi.validation"));
		FEATURES.put("chronic grading", List.of("org.onesheet.chronic"));
		FEATURES.put("MDM", List.of("ca.uhn.fhir.jpa.mdm", "ca.uhn.fhir.mdm"));
		FEATURES.put("subscription matching", List.of("ca.uhn.fhir.jpa.subscription", "ca.uhn.fhir.subscription"));
		INNERMOST.put("token check (JWT)", List.of("com.nimbusds", "org.springframework.security.oauth2.jwt"));
		INNERMOST.put("XHTML narratives", List.of("org.hl7.fhir.utilities.xhtml"));
		INNERMOST.put("parsing", List.of("ca.uhn.fhir.parser.JsonParser.parse", "ca.uhn.fhir.parser.BaseParser.parseResource"));
		INNERMOST.put("encoding", List.of("ca.uhn.fhir.parser.BaseParser.encode", "ca.uhn.fhir.parser.JsonParser.encode"));
		INNERMOST.put("search-index extraction", List.of("ca.uhn.fhir.jpa.searchparam.extractor"));
		INNERMOST.put("Hibernate flush", List.of("org.hibernate.event.internal.AbstractFlushingEventListener"));
		INNERMOST.put("JDBC (waiting on or talking to the database)", List.of("org.postgresql", "org.h2", "com.zaxxer.hikari"));
		INNERMOST.put("group boundary and scopes", List.of("org.onesheet.security.Group", "org.onesheet.security.Scope",
				"org.onesheet.security.OwnOrganisationWrites", "org.onesheet.security.Smart", "ca.uhn.fhir.rest.server.interceptor.auth"));
		INNERMOST.put("search", List.of("ca.uhn.fhir.jpa.search", "ca.uhn.fhir.jpa.dao.search"));
	}

	public static void main(String[] args) throws Exception {
		Map<String, Integer> byThread = new TreeMap<>();
		Map<String, Integer> byCategory = new LinkedHashMap<>();
		FEATURES.keySet().forEach(category -> byCategory.put(category, 0));
		INNERMOST.keySet().forEach(category -> byCategory.put(category, 0));
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
		System.out.printf("%nby feature (anywhere in the stack), else by the innermost frame named%n");
		for (Map.Entry<String, Integer> entry : byCategory.entrySet()) {
			if (entry.getValue() > 0) {
				System.out.printf("  %-40s %5.1f%%%n", entry.getKey(), 100.0 * entry.getValue() / total);
			}
		}
	}

	private static String category(List<RecordedFrame> frames) {
		for (Map.Entry<String, List<String>> feature : FEATURES.entrySet()) {
			if (frames.stream().anyMatch(frame -> matches(frame, feature.getValue()))) {
				return feature.getKey();
			}
		}
		for (RecordedFrame frame : frames) { // top of the stack first
			for (Map.Entry<String, List<String>> category : INNERMOST.entrySet()) {
				if (matches(frame, category.getValue())) {
					return category.getKey();
				}
			}
		}
		return "other";
	}

	private static boolean matches(RecordedFrame frame, List<String> prefixes) {
		String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
		return prefixes.stream().anyMatch(method::startsWith);
	}

	/** Request threads, the scheduler (the audit drain, sweeps), HAPI's and Spring's others, by name without numbers. */
	private static String threadKind(String name) {
		return name == null ? "?" : name.replaceAll("[-#]?\\d+", "").replaceAll("\\s+", " ");
	}
}
