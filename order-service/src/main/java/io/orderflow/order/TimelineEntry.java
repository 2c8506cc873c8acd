package io.orderflow.order;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * A saga step an order went through.
 *
 * @param step the step
 * @param at when it happened (UTC, millisecond precision)
 * @param detail human-readable context, e.g. why stock was rejected; may be null
 */
@Embeddable
public record TimelineEntry(
		@Enumerated(EnumType.STRING) @Column(name = "step", nullable = false, length = 32) SagaStep step,
		@Column(name = "occurred_at", nullable = false) Instant at,
		@Column(name = "detail", length = 500) @Nullable String detail) {

	public TimelineEntry {
		Objects.requireNonNull(step, "step");
		Objects.requireNonNull(at, "at");
	}

}
