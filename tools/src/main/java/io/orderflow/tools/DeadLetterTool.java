package io.orderflow.tools;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.messaging.deadletter.DeadLetters;

/**
 * Command line for operators: {@code list <topic> [key]} prints the dead letters of a
 * topic (of one order with a key), {@code replay <topic>} republishes those not replayed
 * before; with {@code --json} either prints its result as one JSON document instead. The
 * broker comes from {@code KAFKA_BOOTSTRAP_SERVERS} (default {@code 127.0.0.1:9092}), the
 * principal from {@code ORDERFLOW_KAFKA_USERNAME} (see {@link KafkaClients}). Wrapped by
 * {@code ./orderflow dlt}.
 */
public final class DeadLetterTool {

	static final String USAGE = "./orderflow dlt list <topic> [key] [--json] | replay <topic> [--json]";

	private DeadLetterTool() {
	}

	public static void main(String[] args) {
		List<String> words = Arrays.stream(args).filter((arg) -> !arg.equals("--json")).toList();
		boolean json = words.size() < args.length;
		boolean list = words.size() >= 2 && words.size() <= 3 && words.get(0).equals("list");
		boolean replay = words.size() == 2 && words.get(0).equals("replay");
		if ((!list && !replay) || words.stream().anyMatch((word) -> word.startsWith("--"))) {
			System.err.println("usage: " + USAGE);
			System.exit(2);
		}
		String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
		DeadLetters deadLetters = new DeadLetters(KafkaClients.config(bootstrap));
		String topic = words.get(1);
		if (list) {
			List<DeadLetter> letters = (words.size() == 3) ? deadLetters.list(topic, words.get(2))
					: deadLetters.list(topic);
			System.out
				.print(json ? JsonOutput.write(Map.of("topic", topic, "deadLetters", letters)) + "\n" : table(letters));
		}
		else {
			int replayed = deadLetters.replay(topic);
			System.out.println(json ? JsonOutput.write(Map.of("topic", topic, "replayed", replayed))
					: replayed + " dead letter(s) replayed");
		}
	}

	/**
	 * @param letters dead letters
	 * @return one row per letter under a header, then their count
	 */
	static String table(List<DeadLetter> letters) {
		StringBuilder table = new StringBuilder();
		table.append(String.format("%-40s %4s %8s %-36s %-9s %s%n", "dead-letter topic", "part", "offset", "key",
				"replayed", "exception: message"));
		for (DeadLetter letter : letters) {
			table
				.append(String.format("%-40s %4d %8d %-36s %-9s %s: %s%n", letter.deadLetterTopic(), letter.partition(),
						letter.offset(), letter.key(), letter.replayed(), letter.exception(), letter.message()));
		}
		table.append(letters.size()).append(" dead letter(s)\n");
		return table.toString();
	}

}
