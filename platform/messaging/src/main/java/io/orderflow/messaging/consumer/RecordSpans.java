package io.orderflow.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * One consumer span per record of a batch, a child of the span that published the record
 * (the W3C context in its headers), named {@code <topic> process}: the OpenTelemetry
 * agent instruments a batch listener with one span for the whole batch, linked to the
 * records rather than a child of any of them, so without these spans a saga step would
 * fall out of its request's trace. While a record's span is current, its log lines name
 * that trace. Without the agent, the global OpenTelemetry is a no-op and so are these.
 */
final class RecordSpans {

	private static final TextMapGetter<ConsumerRecord<?, ?>> HEADERS = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(ConsumerRecord<?, ?> record) {
			return StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
		}

		@Override
		public @Nullable String get(@Nullable ConsumerRecord<?, ?> record, String key) {
			Header header = (record != null) ? record.headers().lastHeader(key) : null;
			return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8)
					: null;
		}

	};

	private final OpenTelemetry openTelemetry;

	private final Tracer tracer;

	RecordSpans(OpenTelemetry openTelemetry) {
		this.openTelemetry = openTelemetry;
		this.tracer = openTelemetry.getTracer("io.orderflow.messaging");
	}

	RecordSpans() {
		this(GlobalOpenTelemetry.get());
	}

	/**
	 * @param record a record about to be applied
	 * @return its started span (not current yet)
	 */
	Span start(ConsumerRecord<?, ?> record) {
		Context parent = this.openTelemetry.getPropagators()
			.getTextMapPropagator()
			.extract(Context.root(), record, HEADERS);
		return this.tracer.spanBuilder(record.topic() + " process")
			.setSpanKind(SpanKind.CONSUMER)
			.setParent(parent)
			.setAttribute("messaging.system", "kafka")
			.setAttribute("messaging.operation", "process")
			.setAttribute("messaging.destination.name", record.topic())
			.setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
			.setAttribute("messaging.kafka.message.offset", record.offset())
			.startSpan();
	}

}
