package org.onesheet.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most N token requests per client per minute on this node; more get 429 with {@code Retry-After}. A
 * misconfigured clinic system that asks for a token before every call (instead of reusing it for its five
 * minutes) or a guesser of secrets is slowed down before it reaches the password check. The count is per
 * node on purpose: it guards this node's CPU, and needs no round trip to the database on every token request;
 * behind a load balancer a client gets at most N per minute from each node.
 */
public class TokenRateLimit extends OncePerRequestFilter {

	private final int perMinute;
	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	public TokenRateLimit(int perMinute) {
		this.perMinute = perMinute;
	}

	private record Window(long minute, AtomicInteger count) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long minute = System.currentTimeMillis() / 60_000;
		String client = clientOf(request);
		Window window = windows.compute(client, (key, old) -> old == null || old.minute != minute
				? new Window(minute, new AtomicInteger()) : old);
		if (window.count.incrementAndGet() > perMinute) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(60 - (System.currentTimeMillis() / 1000) % 60));
			response.setContentType("application/json;charset=UTF-8");
			response.getOutputStream().write(("{\"error\":\"slow_down\",\"error_description\":\"too many token requests "
					+ "from this client (" + perMinute + " a minute); reuse a token until it expires\"}")
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (windows.size() > 10_000) {
			windows.values().removeIf(old -> old.minute != minute);
		}
		chain.doFilter(request, response);
	}

	/** The client id from Basic auth, the form, or (private_key_jwt) the caller's address. */
	private static String clientOf(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
				return decoded.split(":", 2)[0];
			} catch (IllegalArgumentException e) {
				return request.getRemoteAddr();
			}
		}
		String clientId = request.getParameter("client_id");
		return clientId != null ? clientId : request.getRemoteAddr();
	}
}
