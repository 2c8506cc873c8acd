package io.orderflow.messaging.outbox;

import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C trace context of the current request, stored with each outbox row so that the
 * relay can make the request's span the parent of the publish span. The OpenTelemetry
 * Java agent, when attached, backs {@link Span#current()}; without it there is no valid
 * span and no header.
 */
public class TraceHeaders {

	/** Kafka header carrying the W3C trace context. */
	public static final String TRACEPARENT = "traceparent";

	/**
	 * @return {@code traceparent} of the current span, or an empty map outside a trace
	 */
	public Map<String, String> current() {
		SpanContext context = Span.current().getSpanContext();
		if (!context.isValid()) {
			return Map.of();
		}
		return Map.of(TRACEPARENT,
				"00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex());
	}

}
