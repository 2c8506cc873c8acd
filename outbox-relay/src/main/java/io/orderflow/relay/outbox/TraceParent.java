package io.orderflow.relay.outbox;

import java.util.List;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.jspecify.annotations.Nullable;

/**
 * Makes the W3C trace context stored with an outbox row current while its record is sent,
 * so that the publish span (created by the OpenTelemetry agent's Kafka instrumentation)
 * continues the trace of the request that wrote the row, and the consumers continue it in
 * turn. The context is read with the global propagators: the agent's (W3C trace context
 * by default) when it runs, none without it, so that without the agent nothing is parsed
 * or made current for each of the thousands of records a second a backlog sends.
 */
final class TraceParent {

	private static final TextMapGetter<String> GETTER = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(String carrier) {
			return List.of("traceparent");
		}

		@Override
		public @Nullable String get(@Nullable String carrier, String key) {
			return "traceparent".equals(key) ? carrier : null;
		}

	};

	private TraceParent() {
	}

	static Scope scope(@Nullable String traceparent) {
		if (traceparent == null || traceparent.isBlank()) {
			return Scope.noop();
		}
		Context context = GlobalOpenTelemetry.getPropagators()
			.getTextMapPropagator()
			.extract(Context.root(), traceparent, GETTER);
		return (context == Context.root()) ? Scope.noop() : context.makeCurrent();
	}

}
