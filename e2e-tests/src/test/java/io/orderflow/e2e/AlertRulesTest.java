package io.orderflow.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped alert rules ({@code deploy/prometheus/alerts.yml}) are valid, and fire when
 * and as their unit tests ({@code alerts.test.yml}: lag, outbox age, no relay leader,
 * dead letters, stuck orders, a target down) say, with {@code promtool} of the Debian
 * package {@code prometheus}.
 */
class AlertRulesTest {

	private static final Path PROMETHEUS = Path.of(System.getProperty("orderflow.project.root", ".."))
		.resolve("deploy/prometheus");

	@BeforeAll
	static void promtool() {
		MachineTools.require("promtool");
	}

	@Test
	void rulesPassPromtoolCheck() throws Exception {
		assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
	}

	@Test
	void rulesFireAsTheirUnitTestsExpect() throws Exception {
		assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
	}

	private static String promtool(String... args) throws Exception {
		String[] command = new String[args.length + 1];
		command[0] = "promtool";
		System.arraycopy(args, 0, command, 1, args.length);
		Command.Result result = Command.run(PROMETHEUS, Map.of(), Duration.ofMinutes(1), command);
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output();
	}

}
