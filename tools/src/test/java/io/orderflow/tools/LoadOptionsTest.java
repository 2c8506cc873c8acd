package io.orderflow.tools;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadOptionsTest {

	@Test
	void parsesValuesAndTheSetupFlag() {
		LoadOptions options = LoadOptions.parse(new String[] { "--orders", "500", "--setup", "--rate", "25.5", "--url",
				"http://host:1/", "--timeout", "30", "--inventory-url", "http://inv:2" });

		assertThat(options.orders()).isEqualTo(500);
		assertThat(options.rate()).isEqualTo(25.5);
		assertThat(options.url()).isEqualTo("http://host:1");
		assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.setup()).isTrue();
		assertThat(options.inventoryUrl()).isEqualTo("http://inv:2");
		assertThat(options.paymentUrl()).isEqualTo("http://127.0.0.1:8082");
	}

	@Test
	void refusesOrdersAndRatesThatAreNotPositiveAndOptionsItDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] { "--orders", "0" }));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] { "--rate", "-1" }));
		assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse(new String[] { "--steps", "1" }))
			.withMessageContaining("unknown option --steps");
	}

}
