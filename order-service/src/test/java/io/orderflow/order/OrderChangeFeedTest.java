package io.orderflow.order;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which waiting signals a notification completes (the feed's connection is not needed:
 * notifications are handed to it as its listener thread would).
 */
class OrderChangeFeedTest {

	private final OrderChangeFeed feed = new OrderChangeFeed(new DataSourceProperties(), new SimpleMeterRegistry());

	private final OrderId order = new OrderId(UUID.randomUUID());

	@Test
	void aSignalWaitingForTheOutcomeIsCompletedByATerminalChangeOnlyAndStaysRegisteredUntilThen() {
		CompletableFuture<Void> outcome = this.feed.next(this.order, (change) -> change.status().isTerminal());
		CompletableFuture<Void> anyChange = this.feed.next(this.order, (change) -> true);

		this.feed.signal(this.order.value(), new OrderChange(1, OrderStatus.PENDING));

		assertThat(anyChange).isDone();
		assertThat(outcome).isNotDone();
		assertThat(this.feed.waiting()).isOne();

		this.feed.signal(this.order.value(), new OrderChange(2, OrderStatus.CONFIRMED));

		assertThat(outcome).isDone();
		assertThat(this.feed.waiting()).isZero();
	}

	@Test
	void anUnknownChangeCompletesEverySignalOfTheOrderAndNoneOfAnother() {
		OrderId other = new OrderId(UUID.randomUUID());
		CompletableFuture<Void> outcome = this.feed.next(this.order, (change) -> change.status().isTerminal());
		CompletableFuture<Void> otherOutcome = this.feed.next(other, (change) -> change.status().isTerminal());

		this.feed.signal(this.order.value(), null);

		assertThat(outcome).isDone();
		assertThat(otherOutcome).isNotDone();
	}

	@Test
	void aForgottenSignalIsNeitherCompletedNorCounted() {
		CompletableFuture<Void> forgotten = this.feed.next(this.order, (change) -> true);
		CompletableFuture<Void> kept = this.feed.next(this.order, (change) -> true);

		this.feed.forget(this.order, forgotten);
		this.feed.signal(this.order.value(), new OrderChange(1, OrderStatus.PENDING));

		assertThat(forgotten).isNotDone();
		assertThat(kept).isDone();
		assertThat(this.feed.waiting()).isZero();
	}

	@Test
	void aPayloadNamesTheOrderItsVersionAndStatusOrTheOrderAlone() {
		UUID id = UUID.randomUUID();

		assertThat(OrderChange.parse(id + " 2 CONFIRMED"))
			.isEqualTo(new OrderChange.Announced(id, new OrderChange(2, OrderStatus.CONFIRMED)));
		assertThat(OrderChange.parse(id.toString())).isEqualTo(new OrderChange.Announced(id, null));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderChange.parse(id + " 2"));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderChange.parse(id + " x CONFIRMED"));
		assertThatIllegalArgumentException().isThrownBy(() -> OrderChange.parse(id + " 2 SHIPPED"));
	}

}
