package io.orderflow.tools;

import java.time.Duration;

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

}
