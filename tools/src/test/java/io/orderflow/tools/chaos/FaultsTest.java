package io.orderflow.tools.chaos;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultsTest {

	@Test
	void everyFaultOfBothSuitesIsKnownAndDescribed() {
		Faults.FULL.forEach((name) -> assertThat(Faults.of(name, false).description()).isNotBlank());
		Faults.SHORT.forEach((name) -> assertThat(Faults.of(name, true).description()).isNotBlank());
		assertThat(Faults.of("registry-down", true).description()).contains("20 s");
		assertThat(Faults.of("registry-down", false).description()).contains("120 s");
		assertThat(Faults.known("order-db-cut")).isTrue();
	}

	@Test
	void anUnknownFaultIsRefused() {
		assertThat(Faults.known("disk-full")).isFalse();
		assertThat(Faults.known("prometheus-kill")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ChaosOptions.parse(new String[] { "--faults", "nope" }))
			.withMessageContaining("unknown fault nope");
	}

}
