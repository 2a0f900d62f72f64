package org.onesheet.system;

import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import org.onesheet.config.FhirServerConfig;
import org.onesheet.config.OneSheetProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses FHIR request bodies over {@code onesheet.max-request-size} (default 20 MB) with 413; uploads of study
 * files to {@code Binary} may be as large as {@code onesheet.max-binary-size} (default 70 MB: a 50 MB image in
 * base64 JSON).
 *
 * <p>The limit is enforced while HAPI reads the body, declared length or chunked alike, by an
 * exception HAPI itself turns into an OperationOutcome in the client's format; nothing is parsed
 * or stored from a body that is cut off.
 */
@Component
public class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;
	private final long maxBinaryBytes;

	public RequestSizeLimitFilter(OneSheetProperties properties) {
		this.maxBytes = properties.maxRequestSize().toBytes();
		this.maxBinaryBytes = properties.maxBinarySize().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + FhirServerConfig.FHIR_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new LimitedRequest(request, isBinaryUpload(request) ? maxBinaryBytes : maxBytes), response);
	}

	/** A study file (a DR image of up to 50 MB) is uploaded to Binary, or into an attachment by $binary-access-write. */
	private static boolean isBinaryUpload(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length() + FhirServerConfig.FHIR_PATH.length());
		return path.startsWith("/Binary") || path.endsWith("$binary-access-write");
	}

	static PayloadTooLargeException tooLarge(long maxBytes) {
		return new PayloadTooLargeException("请求内容过大 (request body exceeds the limit of " + maxBytes
				+ " bytes; split the bundle or raise onesheet.max-request-size)");
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {
		private final long maxBytes;
		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (getContentLengthLong() > maxBytes) {
				throw tooLarge(maxBytes);
			}
			if (stream == null) {
				stream = new LimitedStream(super.getInputStream(), maxBytes);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}
	}

	private static final class LimitedStream extends ServletInputStream {
		private final ServletInputStream delegate;
		private final long maxBytes;
		private long read;

		LimitedStream(ServletInputStream delegate, long maxBytes) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > maxBytes) {
				throw tooLarge(maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
