package io.orderflow.e2e;

import java.time.Duration;
import java.util.Map;

import io.orderflow.e2e.Command.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's fault suite, shortened ({@code ./orderflow chaos --short}): the stack on
 * three brokers, orders at a steady rate while a partition leader is SIGKILLed, the relay
 * and inventory-service are SIGKILLed, payment-service is SIGSTOPped, PostgreSQL
 * restarts, payment's database is unreachable and the registry is down, one after
 * another; the suite's checker finds nothing lost, duplicated, inconsistent or stuck, no
 * dead letter, no 5xx but 503, stock and money conserved.
 */
class ChaosTest {

	private static final ScriptStack stack = new ScriptStack("chaos", 3,
			Map.of("ORDERFLOW_PROMETHEUS", "off", "ORDERFLOW_OTEL", "off"));

	@BeforeAll
	static void up() throws Exception {
		stack.up();
	}

	@AfterAll
	static void down() throws Exception {
		stack.down();
	}

	@Test
	void theShortenedFaultSuiteLosesDuplicatesAndStrandsNothing() throws Exception {
		Result chaos = stack.orderflow(Duration.ofMinutes(15), "chaos", "--short");
		assertThat(chaos.output()).contains("| leader-kill |", "| relay-kill |", "| inventory-kill |",
				"| payment-pause |", "| postgres-restart |", "| payment-db-cut |", "| registry-down |",
				"- dead letters written during the run: 0", "- stock and money conserved: yes",
				"- answers 5xx other than 503: 0", "- verdict: PASSED");
		assertThat(chaos.exitCode()).as(chaos.output()).isZero();
	}

}
