package io.orderflow.testsupport;

import jakarta.servlet.ServletContext;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A MockMvc request whose body comes without {@code Content-Length}, as a chunked request
 * does over HTTP: the server learns how large the body is only by reading it.
 */
public final class ChunkedRequestBuilder extends AbstractMockHttpServletRequestBuilder<ChunkedRequestBuilder> {

	private ChunkedRequestBuilder(HttpMethod method, String uriTemplate, Object... uriVariables) {
		super(method);
		uri(uriTemplate, uriVariables);
		// keeps MockMvc from adding a Content-Length header
		header(HttpHeaders.TRANSFER_ENCODING, "chunked");
	}

	/**
	 * @param uriTemplate the path, e.g. {@code /orders}
	 * @param uriVariables values for its variables
	 * @return a {@code POST} with a chunked body
	 */
	public static ChunkedRequestBuilder post(String uriTemplate, Object... uriVariables) {
		return new ChunkedRequestBuilder(HttpMethod.POST, uriTemplate, uriVariables);
	}

	/**
	 * @param uriTemplate the path, e.g. {@code /products/{sku}}
	 * @param uriVariables values for its variables
	 * @return a {@code PUT} with a chunked body
	 */
	public static ChunkedRequestBuilder put(String uriTemplate, Object... uriVariables) {
		return new ChunkedRequestBuilder(HttpMethod.PUT, uriTemplate, uriVariables);
	}

	@Override
	protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
		return new MockHttpServletRequest(servletContext) {

			@Override
			public int getContentLength() {
				return -1;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
	}

}
