package io.orderflow.tools;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class OrderProgressTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsTheStatus() {
		assertThat(OrderProgress.status(JSON.readTree("{\"status\":\"CONFIRMED\",\"timeline\":[]}")))
			.isEqualTo("CONFIRMED");
	}

	@Test
	void pollsBackOffWithTheOrdersAgeWithinBounds() {
		assertThat(OrderProgress.nextPoll(Duration.ZERO)).isEqualTo(Duration.ofMillis(10));
		assertThat(OrderProgress.nextPoll(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(100));
		assertThat(OrderProgress.nextPoll(Duration.ofMinutes(5))).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void aRefusedRequestIsRepeatedNoSoonerThanTheServiceAsked() {
		Duration least = Duration.ofMillis(200);
		assertThat(OrderProgress.afterRefusal(Optional.of("1"), least)).isEqualTo(Duration.ofSeconds(1));
		assertThat(OrderProgress.afterRefusal(Optional.of(" 3 "), least)).isEqualTo(Duration.ofSeconds(3));
		assertThat(OrderProgress.afterRefusal(Optional.of("0"), least)).isEqualTo(least);
		assertThat(OrderProgress.afterRefusal(Optional.empty(), least)).isEqualTo(least);
		assertThat(OrderProgress.afterRefusal(Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"), least))
			.as("an HTTP date is not followed: the shortest wait")
			.isEqualTo(least);
	}

	@Test
	void aNonTerminalAnswerCountsAsAWaitOnlyWhenItCameAtTheEndOfTheWait() {
		Duration wait = Duration.ofSeconds(10);

		assertThat(OrderProgress.waitedOut(Duration.ofMillis(10_020), wait)).isTrue();
		assertThat(OrderProgress.waitedOut(Duration.ofMillis(9_100), wait)).isTrue();
		assertThat(OrderProgress.waitedOut(Duration.ofMillis(40), wait)).as("a service that does not wait").isFalse();
	}

}
