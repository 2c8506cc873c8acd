package io.orderflow.order.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses request bodies over {@value #MAX_BYTES} bytes (64 KiB, ample for 50 lines): at
 * once when {@code Content-Length} says so, else (chunked bodies) as soon as reading
 * passes the limit. Either way the client gets 413.
 */
@ControllerAdvice
class RequestBodyLimit extends RequestBodyAdviceAdapter {

	static final int MAX_BYTES = 64 * 1024;

	@Override
	public boolean supports(MethodParameter methodParameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		if (message.getHeaders().getContentLength() > MAX_BYTES) {
			throw new PayloadTooLargeException();
		}
		InputStream limited = new LimitedInputStream(message.getBody());
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

	/** The body is larger than the API accepts. */
	static class PayloadTooLargeException extends ErrorResponseException {

		PayloadTooLargeException() {
			super(HttpStatus.CONTENT_TOO_LARGE, problem(), null);
		}

		private static ProblemDetail problem() {
			return ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
					"Payload too large", "The request body exceeds " + MAX_BYTES + " bytes");
		}

	}

	/** Thrown while reading past the limit; the exception handler turns it into 413. */
	static class BodyLimitExceededException extends IOException {

		BodyLimitExceededException() {
			super("request body exceeds " + MAX_BYTES + " bytes");
		}

	}

	private static final class LimitedInputStream extends FilterInputStream {

		private long remaining = MAX_BYTES;

		LimitedInputStream(InputStream in) {
			super(in);
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
				throw new BodyLimitExceededException();
			}
		}

	}

}
