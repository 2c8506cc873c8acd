package io.orderflow.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses request bodies over the limit: at once when {@code Content-Length} says so,
 * else (chunked bodies) as soon as reading passes the limit. Either way the client gets
 * {@code 413 payload-too-large}.
 */
@ControllerAdvice
class RequestBodyLimit extends RequestBodyAdviceAdapter {

	private final long maxBytes;

	RequestBodyLimit(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	@Override
	public boolean supports(MethodParameter methodParameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		if (message.getHeaders().getContentLength() > this.maxBytes) {
			throw new PayloadTooLargeException(this.maxBytes);
		}
		InputStream limited = new LimitedInputStream(message.getBody(), this.maxBytes);
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return limited;
			}

			@Override
			public HttpHeaders getHeaders() {
				return message.getHeaders();
			}
		};
	}

	/** The body is larger than the service accepts. */
	static class PayloadTooLargeException extends ProblemException {

		PayloadTooLargeException(long maxBytes) {
			super(StandardProblem.PAYLOAD_TOO_LARGE.problem("The request body exceeds " + maxBytes + " bytes"), null);
		}

	}

	/**
	 * Thrown while reading past the limit; the message converter wraps it, the advice
	 * turns it into 413.
	 */
	static class BodyLimitExceededException extends IOException {

		private final long maxBytes;

		BodyLimitExceededException(long maxBytes) {
			super("request body exceeds " + maxBytes + " bytes");
			this.maxBytes = maxBytes;
		}

		PayloadTooLargeException toProblem() {
			return new PayloadTooLargeException(this.maxBytes);
		}

	}

	private static final class LimitedInputStream extends FilterInputStream {

		private final long maxBytes;

		private long remaining;

		LimitedInputStream(InputStream in, long maxBytes) {
			super(in);
			this.maxBytes = maxBytes;
			this.remaining = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			if (read >= 0) {
				count(1);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count(skipped);
			return skipped;
		}

		private void count(long bytes) throws BodyLimitExceededException {
			this.remaining -= bytes;
			if (this.remaining < 0) {
				throw new BodyLimitExceededException(this.maxBytes);
			}
		}

	}

}
