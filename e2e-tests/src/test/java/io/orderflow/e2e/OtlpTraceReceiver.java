package io.orderflow.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * The receiving end of OTLP/HTTP for traces ({@code POST /v1/traces}, protobuf), as an
 * OpenTelemetry Collector offers it: the services' Java agents export their spans here,
 * and a test reads them back with their ids and parents.
 */
final class OtlpTraceReceiver implements AutoCloseable {

	private static final HexFormat HEX = HexFormat.of();

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	OtlpTraceReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/v1/traces", this::export);
		this.server.start();
	}

	/**
	 * @return the OTLP traces endpoint, for {@code otel.exporter.otlp.traces.endpoint}
	 */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	/**
	 * @param traceId 32 hex digits
	 * @return the spans of that trace received so far
	 */
	List<ReceivedSpan> trace(String traceId) {
		return this.spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	private void export(HttpExchange exchange) throws IOException {
		try (exchange) {
			InputStream body = exchange.getRequestBody();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				body = new GZIPInputStream(body);
			}
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resource : request.getResourceSpansList()) {
				String service = resource.getResource()
					.getAttributesList()
					.stream()
					.filter((attribute) -> attribute.getKey().equals("service.name"))
					.map(KeyValue::getValue)
					.map((value) -> value.getStringValue())
					.findFirst()
					.orElse("");
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					for (Span span : scope.getSpansList()) {
						this.spans.add(new ReceivedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
								HEX.formatHex(span.getSpanId().toByteArray()),
								HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind()));
					}
				}
			}
			byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
			exchange.sendResponseHeaders(200, response.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A span as exported.
	 *
	 * @param service the exporting service ({@code service.name})
	 * @param traceId hex
	 * @param spanId hex
	 * @param parentSpanId hex, empty for a root span
	 * @param name e.g. {@code orders.order-placed.v1 publish}
	 * @param kind e.g. {@code SPAN_KIND_PRODUCER}
	 */
	record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
			Span.SpanKind kind) {
	}

}
