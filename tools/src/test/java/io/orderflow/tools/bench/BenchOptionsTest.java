package io.orderflow.tools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTest {

	@Test
	void defaultsAreTheIssuesSteps() {
		BenchOptions options = BenchOptions.parse(new String[0]);

		assertThat(options.steps()).containsExactly(25.0, 50.0, 100.0, 150.0, 200.0, 300.0);
		assertThat(options.stepDuration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(60));
		assertThat(options.stopWhenSaturated()).isTrue();
		assertThat(options.ceilings()).isTrue();
		assertThat(options.ordersAt(150)).isEqualTo(9000);
		assertThat(options.serviceDatabases()).containsExactly("orderflow_order", "orderflow_inventory",
				"orderflow_payment");
	}

	@Test
	void parsesValuesAndFlags() {
		BenchOptions options = BenchOptions
			.parse(new String[] { "--steps", "10,20.5", "--step-seconds", "10", "--warmup-seconds", "0", "--all-steps",
					"--no-ceilings", "--label", "agent on", "--out", "x/b.md", "--pids", "/tmp/p", "--url",
					"http://o:1", "--order-database", "db", "--service-databases", "db,db_inventory" });

		assertThat(options.steps()).containsExactly(10.0, 20.5);
		assertThat(options.warmup()).isZero();
		assertThat(options.stopWhenSaturated()).isFalse();
		assertThat(options.ceilings()).isFalse();
		assertThat(options.label()).isEqualTo("agent on");
		assertThat(options.out()).isEqualTo(Path.of("x/b.md"));
		assertThat(options.pids()).isEqualTo(Path.of("/tmp/p"));
		assertThat(options.url()).isEqualTo("http://o:1");
		assertThat(options.orderDatabase()).isEqualTo("db");
		assertThat(options.serviceDatabases()).containsExactly("db", "db_inventory");
		assertThat(options.ordersAt(20.5)).isEqualTo(205);
		assertThat(options.paymentUrl()).isEqualTo("http://127.0.0.1:8082");
		assertThat(options.relayUrl()).isEqualTo("http://127.0.0.1:8183");
	}

	@Test
	void refusesRatesThatAreNotPositiveAndOptionsItDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] { "--steps", "10,0" }));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchOptions.parse(new String[] { "--step-seconds", "0" }));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] { "--setup" }))
			.withMessageContaining("unknown option --setup");
		assertThat(BenchOptions.parse(new String[] { "--steps", "5" }).steps()).isEqualTo(List.of(5.0));
	}

}
