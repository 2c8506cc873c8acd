package io.orderflow.tools.chaos;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.orderflow.tools.LoadResult;
import io.orderflow.tools.ApiAuth;
import io.orderflow.tools.LoadSetup;
import io.orderflow.tools.SagaLoad;
import io.orderflow.tools.chaos.History.Phase;

/**
 * {@code ./orderflow chaos}: orders at a steady rate ({@code --rate}) against the running
 * stack while the faults ({@link Faults}) are injected one after another, each followed
 * by a quiet period; then, once every accepted order had time to end ({@code --settle}),
 * the {@link Checker} reads the whole history and the table is printed and written to
 * {@code --out}. Exits 1 when a guarantee was broken.
 */
public final class Chaos {

	private Chaos() {
	}

	public static void main(String[] args) throws Exception {
		ChaosOptions options = ChaosOptions.parse(args);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<Fault> faults = options.faults().stream().map((name) -> Faults.of(name, options.shortRun())).toList();
		long expectedSeconds = (faults.size() + 1) * (options.quiet().toSeconds() + 60);
		ApiAuth auth = ApiAuth.fromEnvironment();
		new LoadSetup(http, options.inventoryUrl(), options.paymentUrl(), auth)
			.apply((long) (options.rate() * expectedSeconds * 2), System.out);
		try (Stack stack = new Stack(options)) {
			stack.awaitReplicasInSync();
			Ledger before = Ledger.read(stack, LoadSetup.CUSTOMERS, LoadSetup.SKUS);
			History history = new History();
			long runStart = Instant.now().minusSeconds(5).toEpochMilli();
			SagaLoad load = new SagaLoad(http, options.url(), LoadSetup.CUSTOMERS, LoadSetup.SKUS, auth, history);
			say("orders at %.1f/s; %d fault(s): %s", options.rate(), faults.size(), options.faults());
			CompletableFuture<LoadResult> traffic = CompletableFuture.supplyAsync(() -> {
				try {
					return load.run(Integer.MAX_VALUE, options.rate(), options.settle(), (progress) -> {
						if (Math.round(progress.seconds()) % 10 == 0) {
							say("%5.0fs  accepted %d  refused %d  terminal %d  in flight %d", progress.seconds(),
									progress.placed(), progress.failed(), progress.terminal(), progress.inFlight());
						}
					});
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			});
			pause(options.quiet());
			for (Fault fault : faults) {
				Phase phase = history.begin(fault);
				say("fault %s: %s", fault.name(), fault.description());
				try {
					fault.inject(stack);
				}
				catch (Exception ex) {
					phase.failed(ex.toString());
					say("fault %s failed: %s", fault.name(), ex);
				}
				phase.healed();
				say("fault %s healed after %.1f s", fault.name(), (phase.healedAt() - phase.start) / 1e9);
				pause(options.quiet());
			}
			load.stopPlacing();
			LoadResult result = traffic.get();
			say("orders stopped: %d accepted, %d refused, %d not terminal after %d s", result.placed(),
					result.failedPosts(), result.unfinished(), options.settle().toSeconds());
			ChaosReport report = checkWhenQuiet(stack, options, history, before, runStart);
			String table = "## Fault suite " + Instant.now() + " (" + (options.shortRun() ? "short" : "full") + ", "
					+ options.rate() + " orders/s)\n\n" + report.table() + "\n";
			System.out.println();
			System.out.println(table);
			Files.createDirectories(options.out().toAbsolutePath().getParent());
			Files.writeString(options.out(), table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			say("table: %s", options.out());
			System.exit(report.passed() ? 0 : 1);
		}
	}

	/**
	 * The saga's last steps (a sale after a confirmation) may still be on their way when
	 * the clients have seen every order end: the check is repeated until it passes or
	 * half a minute has gone by, and the last result stands.
	 */
	private static ChaosReport checkWhenQuiet(Stack stack, ChaosOptions options, History history, Ledger before,
			long runStart) throws Exception {
		Checker checker = new Checker(stack, options.bootstrapServers());
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			ChaosReport report = checker.check(history, before, Ledger.read(stack, LoadSetup.CUSTOMERS, LoadSetup.SKUS),
					runStart);
			if (report.passed() || System.nanoTime() > deadline) {
				return report;
			}
			TimeUnit.SECONDS.sleep(3);
		}
	}

	private static void pause(Duration duration) throws InterruptedException {
		TimeUnit.MILLISECONDS.sleep(duration.toMillis());
	}

	private static void say(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[chaos %s] %s%n", Instant.now().toString().substring(11, 19),
				String.format(Locale.ROOT, format, args));
	}

}
