package org.onesheet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's side of the wire: JSON over HTTP with a bearer token, as any member system talks to OneSheet. */
final class FhirClient {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;
	private final String token;

	private FhirClient(String base, String token) {
		this.base = base;
		this.token = token;
	}

	/**
	 * A client with a token of the demo group's administrator ({@code jmse-group}, client credentials), which may
	 * load any record of the group and read all of it, as an integration engine would.
	 */
	static FhirClient forGroupAdministrator(String base) throws IOException, InterruptedException {
		String server = base.replaceAll("/fhir/?$", "");
		String form = "grant_type=client_credentials&scope=" + URLEncoder.encode("system/*.cruds", StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/oauth2/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
						.encodeToString(("jmse-group:" + System.getProperty("bench.client-secret", "demo-secret")).getBytes(StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.ofString(form)).build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("no token from " + server + ": " + response.statusCode() + " " + response.body());
		}
		return new FhirClient(base, token.group(1));
	}

	String base() {
		return base;
	}

	/** A GET that must answer 200; HAPI's search cache is bypassed (it is off in OneSheet anyway). */
	String get(String path) throws IOException, InterruptedException {
		String url = path.startsWith("http") ? path : base + "/" + path;
		HttpRequest request = HttpRequest.newBuilder(URI.create(url.replace("|", "%7C")))
				.header("Accept", "application/fhir+json").header("Cache-Control", "no-cache")
				.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5)).build();
		return expect(200, path, HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	/** Posts a transaction bundle; it must answer 200 (all of it written). */
	String transaction(String bundle) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base))
				.header("Content-Type", "application/fhir+json; charset=utf-8").header("Accept", "application/fhir+json")
				.header("Prefer", "return=minimal")
				.header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(30))
				.POST(HttpRequest.BodyPublishers.ofString(bundle, StandardCharsets.UTF_8)).build();
		return expect(200, "transaction", HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	private static String expect(int status, String what, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(600, response.body().length())));
		}
		return response.body();
	}
}
