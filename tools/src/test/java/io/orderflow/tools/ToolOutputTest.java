package io.orderflow.tools;

import java.util.List;
import java.util.Map;

import io.orderflow.messaging.deadletter.DeadLetter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the operators' tools print: a table for people, and with {@code --json} one
 * document a script reads with the same figures.
 */
class ToolOutputTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<ConsumerGroupLag.Group> groups = List
		.of(new ConsumerGroupLag.Group("inventory-service", "Stable", 2, 7,
				List.of(new ConsumerGroupLag.PartitionLag("orders.order-placed.v1", 0, 10L, 15, 5, "consumer-1"),
						new ConsumerGroupLag.PartitionLag("orders.order-placed.v1", 1, null, 2, 2, null))));

	@Test
	void lagTableHasARowPerPartitionAndALinePerGroup() {
		String table = LagTool.table(this.groups);
		assertThat(table.lines()).hasSize(4);
		assertThat(table.lines().toList().get(0)).startsWith("GROUP").contains("TOPIC", "COMMITTED", "END", "LAG");
		assertThat(table).containsPattern("inventory-service +orders.order-placed.v1 +0 +10 +15 +5  consumer-1")
			.containsPattern("inventory-service +orders.order-placed.v1 +1 +- +2 +2  -")
			.contains("inventory-service: lag 7 over 2 partition(s), 2 member(s), Stable");
		assertThat(LagTool.table(List.of())).endsWith("no consumer group\n");
	}

	@Test
	void lagAsJsonCarriesTheSameFigures() {
		JsonNode json = JSON.readTree(JsonOutput.write(Map.of("groups", this.groups)));
		JsonNode group = json.get("groups").get(0);
		assertThat(group.get("group").asString()).isEqualTo("inventory-service");
		assertThat(group.get("lag").asLong()).isEqualTo(7);
		assertThat(group.get("members").asInt()).isEqualTo(2);
		assertThat(group.get("partitions").get(0).get("committed").asLong()).isEqualTo(10);
		assertThat(group.get("partitions").get(1).get("committed").isNull()).isTrue();
		assertThat(group.get("partitions").get(1).get("member").isNull()).isTrue();
	}

	@Test
	void deadLettersAsTableAndAsJson() {
		List<DeadLetter> letters = List.of(new DeadLetter("orders.order-placed.v1-dlt", 0, 3, "order-1",
				"orders.order-placed.v1", 41L, "NonRetryableEventException", "not Avro", false));
		assertThat(DeadLetterTool.table(letters))
			.containsPattern("orders.order-placed.v1-dlt +0 +3 order-1 +false +NonRetryableEventException: not Avro")
			.endsWith("1 dead letter(s)\n");
		JsonNode json = JSON
			.readTree(JsonOutput.write(Map.of("topic", "orders.order-placed.v1", "deadLetters", letters)));
		JsonNode letter = json.get("deadLetters").get(0);
		assertThat(letter.get("originalOffset").asLong()).isEqualTo(41);
		assertThat(letter.get("exception").asString()).isEqualTo("NonRetryableEventException");
		assertThat(letter.get("replayed").asBoolean()).isFalse();
	}

	@Test
	void loadResultAsJson() {
		LoadResult result = new LoadResult(10, 5.0, 9, 1, 1,
				new LatencyStats(new long[] { 10, 20, 30, 40, 50, 60, 70, 80 }),
				Map.of("CONFIRMED", 7, "REJECTED", 1, "HTTP 429", 1), 2.0, 1.8, 1.6);
		JsonNode json = JSON.readTree(JsonOutput.write(LoadGenerator.json(result)));
		assertThat(json.get("placed").asInt()).isEqualTo(9);
		assertThat(json.get("terminal").asInt()).isEqualTo(8);
		assertThat(json.get("errors").asInt()).isEqualTo(2);
		assertThat(json.get("terminalRate").asDouble()).isEqualTo(5.0);
		assertThat(json.get("latencyMillis").get("max").asLong()).isEqualTo(80);
		assertThat(json.get("latencyMillis").get("p50").asLong()).isBetween(40L, 50L);
		assertThat(json.get("outcomes").get("HTTP 429").asInt()).isEqualTo(1);
	}

}
