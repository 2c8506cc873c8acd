package io.orderflow.tools.chaos;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.orderflow.schemas.Topics;

/**
 * The faults of the suite, by name. The full suite: the leader of the first partition of
 * {@code orders.order-placed.v1} SIGKILLed five times (each back after 15 s), a broker
 * SIGSTOPped for 20 s, the relay SIGKILLed mid-batch, each consumer service SIGKILLed,
 * payment-service SIGSTOPped for 30 s (a long GC pause), PostgreSQL restarted,
 * inventory's database unreachable for 90 s, the schema registry down for 120 s, and a
 * rebalance: a second instance of inventory-service joins and the first is SIGKILLed
 * under load. The shortened suite (CI) runs one of each kind but the rebalance, with
 * shorter outages.
 */
final class Faults {

	static final List<String> FULL = List.of("leader-kill", "leader-kill", "leader-kill", "leader-kill", "leader-kill",
			"broker-pause", "relay-kill", "inventory-kill", "payment-kill", "order-kill", "payment-pause",
			"postgres-restart", "inventory-db-cut", "registry-down");

	static final List<String> SHORT = List.of("leader-kill", "relay-kill", "inventory-kill", "payment-pause",
			"postgres-restart", "payment-db-cut", "registry-down");

	private Faults() {
	}

	static boolean known(String name) {
		try {
			of(name, false);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * @param name a fault's name
	 * @param shortRun whether outages are the shortened suite's
	 * @return the fault
	 */
	static Fault of(String name, boolean shortRun) {
		String component = name.contains("-") ? name.substring(0, name.lastIndexOf('-')) : name;
		if (name.equals("leader-kill")) {
			Duration down = Duration.ofSeconds(shortRun ? 10 : 15);
			return new Fault(name, "SIGKILL of the broker leading " + Topics.ORDER_PLACED + "-0, back after "
					+ down.toSeconds() + " s", (stack) -> {
						String leader = stack.leaderOf(Topics.ORDER_PLACED, 0);
						stack.signal(leader, "KILL");
						sleep(down);
						stack.start(leader);
						stack.awaitReplicasInSync();
					});
		}
		if (name.equals("broker-pause")) {
			Duration pause = Duration.ofSeconds(shortRun ? 10 : 20);
			return new Fault(name,
					"SIGSTOP of the broker leading " + Topics.STOCK_RESERVED + "-0 for " + pause.toSeconds() + " s",
					(stack) -> {
						String broker = stack.leaderOf(Topics.STOCK_RESERVED, 0);
						stack.signal(broker, "STOP");
						try {
							sleep(pause);
						}
						finally {
							stack.signal(broker, "CONT");
						}
						stack.awaitReplicasInSync();
					});
		}
		if (name.equals("postgres-restart")) {
			return new Fault(name, "PostgreSQL restarted", Stack::restartPostgres);
		}
		if (name.equals("registry-down")) {
			Duration down = Duration.ofSeconds(shortRun ? 20 : 120);
			return new Fault(name, "schema registry SIGKILLed, back after " + down.toSeconds() + " s", (stack) -> {
				stack.signal("registry", "KILL");
				sleep(down);
				stack.start("registry");
			});
		}
		if (name.endsWith("-kill") && (isService(name) || component.equals("relay"))) {
			return new Fault(name, "SIGKILL of " + component + ", restarted after 3 s", (stack) -> {
				stack.signal(component, "KILL");
				sleep(Duration.ofSeconds(3));
				stack.start(component);
			});
		}
		if (name.endsWith("-pause") && isService(name)) {
			Duration pause = Duration.ofSeconds(shortRun ? 15 : 30);
			return new Fault(name, "SIGSTOP of " + component + " for " + pause.toSeconds() + " s (a long GC pause)",
					(stack) -> {
						stack.signal(component, "STOP");
						try {
							sleep(pause);
						}
						finally {
							stack.signal(component, "CONT");
						}
					});
		}
		if (name.endsWith("-rebalance") && isService(name) && !component.equals("relay")) {
			return new Fault(name, "a second instance of " + component + " joins, the first is SIGKILLed under load "
					+ "and restarted, the second leaves", (stack) -> {
						String second = component + "-2";
						stack.start(second);
						sleep(Duration.ofSeconds(15)); // the group rebalances onto both
						stack.signal(component, "KILL");
						sleep(Duration.ofSeconds(3));
						stack.start(component);
						stack.signal(second, "TERM");
					});
		}
		if (name.endsWith("-db-cut") && isService(name)) {
			String service = name.substring(0, name.indexOf('-'));
			Duration cut = Duration.ofSeconds(shortRun ? 20 : 90);
			return new Fault(name, service + "'s database unreachable for " + cut.toSeconds() + " s", (stack) -> {
				stack.databaseReachable(service, false);
				try {
					sleep(cut);
				}
				finally {
					stack.databaseReachable(service, true);
				}
			});
		}
		throw new IllegalArgumentException("unknown fault " + name);
	}

	private static boolean isService(String name) {
		return name.startsWith("order-") || name.startsWith("inventory-") || name.startsWith("payment-")
				|| name.equals("relay-kill");
	}

	private static void sleep(Duration duration) throws InterruptedException {
		TimeUnit.MILLISECONDS.sleep(duration.toMillis());
	}

}
