package io.orderflow.tools;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code ./orderflow lag [--group G] [--json]}: what each consumer group has still to
 * read, per partition (committed offset, log end, lag, the consumer that holds it) and
 * per group (state, members, total lag); {@code --json} prints the same as one JSON
 * document. The broker comes from {@code KAFKA_BOOTSTRAP_SERVERS} (default
 * {@code 127.0.0.1:9092}), the principal from {@code ORDERFLOW_KAFKA_USERNAME} (see
 * {@link KafkaClients}). Exits 1 when the brokers cannot be reached.
 */
public final class LagTool {

	static final String USAGE = "./orderflow lag [--group G] [--json]";

	private LagTool() {
	}

	public static void main(String[] args) throws InterruptedException {
		CommandLine options;
		try {
			options = CommandLine.parse(args, USAGE, List.of("--group"), List.of("--json"));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
		Optional<String> group = Optional.ofNullable(options.value("--group", (value) -> value, null));
		List<ConsumerGroupLag.Group> groups;
		try (Admin admin = Admin.create(KafkaClients.config(bootstrap, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				30_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
			groups = new ConsumerGroupLag(admin).groups(group);
		}
		catch (IllegalStateException ex) {
			System.err.println("no lag: " + ex.getMessage());
			System.exit(1);
			return;
		}
		System.out.print(options.has("--json") ? JsonOutput.write(Map.of("groups", groups)) + "\n" : table(groups));
	}

	/**
	 * @param groups the groups
	 * @return one row per partition under a header, then one line per group
	 */
	static String table(List<ConsumerGroupLag.Group> groups) {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, "%-20s %-34s %4s %10s %10s %8s  %s%n", "GROUP", "TOPIC", "PART",
				"COMMITTED", "END", "LAG", "MEMBER"));
		for (ConsumerGroupLag.Group group : groups) {
			for (ConsumerGroupLag.PartitionLag row : group.partitions()) {
				table.append(String.format(Locale.ROOT, "%-20s %-34s %4d %10s %10d %8d  %s%n", group.group(),
						row.topic(), row.partition(), Objects.toString(row.committed(), "-"), row.end(), row.lag(),
						Objects.toString(row.member(), "-")));
			}
		}
		for (ConsumerGroupLag.Group group : groups) {
			table.append(String.format(Locale.ROOT, "%s: lag %d over %d partition(s), %d member(s), %s%n",
					group.group(), group.lag(), group.partitions().size(), group.members(), group.state()));
		}
		if (groups.isEmpty()) {
			table.append("no consumer group\n");
		}
		return table.toString();
	}

}
