package io.orderflow.relay.outbox;

import java.util.List;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.jspecify.annotations.Nullable;

/**
 * Makes the W3C trace context stored with an outbox row current while its record is sent,
 * so that the publish span (created by the OpenTelemetry agent's Kafka instrumentation)
 * continues the trace of the request that wrote the row, and the consumers continue it in
 * turn. Without the agent this is a no-op.
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
		return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, GETTER).makeCurrent();
	}

}
