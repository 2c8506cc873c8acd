package io.orderflow.tools;

import java.util.List;

import io.orderflow.messaging.deadletter.DeadLetter;
import io.orderflow.messaging.deadletter.DeadLetters;

/**
 * Command line for operators: {@code list <topic> [key]} prints the dead letters of a
 * topic (of one order with a key), {@code replay <topic>} republishes those not replayed
 * before. The broker comes from {@code KAFKA_BOOTSTRAP_SERVERS} (default
 * {@code 127.0.0.1:9092}), the principal from {@code ORDERFLOW_KAFKA_USERNAME} (see
 * {@link KafkaClients}). Wrapped by {@code ./orderflow dlt}.
 */
public final class DeadLetterTool {

	private DeadLetterTool() {
	}

	public static void main(String[] args) {
		boolean list = args.length >= 2 && args.length <= 3 && args[0].equals("list");
		boolean replay = args.length == 2 && args[0].equals("replay");
		if (!list && !replay) {
			System.err.println("usage: DeadLetterTool list <topic> [key] | replay <topic>");
			System.exit(2);
		}
		String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
		DeadLetters deadLetters = new DeadLetters(KafkaClients.config(bootstrap));
		if (list) {
			List<DeadLetter> letters = (args.length == 3) ? deadLetters.list(args[1], args[2])
					: deadLetters.list(args[1]);
			System.out.printf("%-40s %4s %8s %-36s %-9s %s%n", "dead-letter topic", "part", "offset", "key", "replayed",
					"exception: message");
			for (DeadLetter letter : letters) {
				System.out.printf("%-40s %4d %8d %-36s %-9s %s: %s%n", letter.deadLetterTopic(), letter.partition(),
						letter.offset(), letter.key(), letter.replayed(), letter.exception(), letter.message());
			}
			System.out.println(letters.size() + " dead letter(s)");
		}
		else {
			System.out.println(deadLetters.replay(args[1]) + " dead letter(s) replayed");
		}
	}

}
