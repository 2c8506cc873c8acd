package io.orderflow.tools.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.orderflow.tools.ApiAuth;
import io.orderflow.tools.LatencyStats;
import io.orderflow.tools.LoadResult;
import io.orderflow.tools.LoadSetup;
import io.orderflow.tools.SagaLoad;

/**
 * {@code ./orderflow bench}: the whole saga (POST -> outbox -> Kafka -> inventory ->
 * payment -> order confirmed) at stepped offered rates against the running stack. It sets
 * up a customer and products enough for every order of the run, warms the JVMs up, then
 * runs each step (open loop: a POST leaves on time whatever the answers) and measures,
 * per step, the achieved terminal rate, POST -> terminal percentiles, errors and the CPU
 * milliseconds per order of every process of the stack ({@link ProcessCpu}). Then the
 * machine's two ceilings: PostgreSQL order + outbox transactions per second
 * ({@link PostgresCeiling}) and the plain producer ({@link ProducerCeiling}). It prints
 * the table ({@link BenchTable}) and appends it to a file. The sustained rate is the
 * highest step with p99 under 1 s and no errors.
 */
public final class Bench {

	private final BenchOptions options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The load customers' and the operators' tokens (the bench's own logins). */
	private final ApiAuth auth = ApiAuth.fromEnvironment();

	private final ProcessCpu cpu;

	private Bench(BenchOptions options) throws IOException, InterruptedException {
		this.options = options;
		this.cpu = new ProcessCpu(Path.of("/proc"), options.pids(), clockTicks());
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.parse(args);
		new Bench(options).run();
		System.exit(0);
	}

	private void run() throws Exception {
		long orders = this.options.steps().stream().mapToLong(this.options::ordersAt).sum()
				+ Math.round(this.options.steps().get(0) * this.options.warmup().toSeconds());
		new LoadSetup(this.http, this.options.inventoryUrl(), this.options.paymentUrl(), this.auth).apply(orders,
				System.out);
		awaitQuiet();
		if (!this.options.warmup().isZero()) {
			warmUp(this.options.steps().get(0), this.options.warmup());
		}
		analyzeIfAutovacuumIsOff();
		awaitQuiet();
		String ages = ProcessCpu.describeAges(this.cpu.ages());
		System.out.println(ages);
		List<BenchStep> steps = new ArrayList<>();
		for (double rate : this.options.steps()) {
			BenchStep step = step(rate);
			steps.add(step);
			System.out.printf(Locale.ROOT,
					"step %.0f/s: achieved %.1f/s, p50 %d ms, p99 %d ms, errors %d, %.1f CPU ms/order%n", rate,
					step.achievedRate(), step.p50().toMillis(), step.p99().toMillis(), step.errors(),
					step.totalCpuPerOrder());
			if (this.options.stopWhenSaturated() && step.saturated()) {
				System.out.println("saturated (achieved < 80% of offered): the higher steps are skipped");
				break;
			}
			awaitQuiet();
		}
		// the ceilings measure the machine, not what a saturated step left behind
		if (this.options.ceilings()) {
			awaitQuiet();
		}
		List<String> notes = new ArrayList<>(List.of(ages));
		if (this.options.ceilings()) {
			notes.addAll(ceilings());
		}
		String table = new BenchTable(this.options.label() + " (" + Instant.now() + ")", steps, notes).render();
		System.out.println();
		System.out.print(table);
		Path out = this.options.out().toAbsolutePath();
		Files.createDirectories(out.getParent());
		Files.writeString(out, table + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		System.out.println("written to " + out);
	}

	/**
	 * Warms the JVMs up with the first step's rate, reached in four equal parts of the
	 * warm-up (a quarter of the rate, half, three quarters, all of it): JVMs started just
	 * before, offered the whole rate at once, fell behind by some 7,000 orders while they
	 * compiled, and the step after the backlog had drained still measured p99 7-9 s at
	 * 100 orders/s, against 0.5-0.65 s on JVMs warmed without a backlog.
	 */
	private void warmUp(double rate, Duration warmup) throws InterruptedException {
		System.out.printf(Locale.ROOT, "warm-up: up to %.0f orders/s for %d s%n", rate, warmup.toSeconds());
		for (int part = 1; part <= 4; part++) {
			double partRate = rate * part / 4;
			load(partRate, (int) Math.round(partRate * warmup.toSeconds() / 4));
		}
	}

	/**
	 * On a server without autovacuum (as on the CI machines), nothing analyzes the tables
	 * the warm-up filled: statistics taken while they were empty (./orderflow bench
	 * vacuums before it starts) keep the plans of a tiny table, and statements prepared
	 * then keep them. On a new database that made every step seq-scan the orders,
	 * reservations and timelines (billions of rows read, PostgreSQL 51 ms per order at 17
	 * orders/s); ANALYZE replaces the statistics and invalidates those plans.
	 */
	private void analyzeIfAutovacuumIsOff() throws IOException, InterruptedException {
		String autovacuum = Commands
			.run(List.of("psql", "-tAq", "-d", this.options.orderDatabase(), "-c", "SHOW autovacuum"));
		if (!"off".equals(autovacuum.strip())) {
			return;
		}
		for (String database : this.options.serviceDatabases()) {
			Commands.run(List.of("psql", "-q", "-d", database, "-c", "ANALYZE"));
		}
		System.out.println(
				"autovacuum is off on this server: analyzed " + this.options.serviceDatabases() + " after the warm-up");
	}

	private BenchStep step(double rate) throws InterruptedException {
		Map<String, Double> before = this.cpu.sample();
		LoadResult result = load(rate, this.options.ordersAt(rate));
		Map<String, Double> spent = ProcessCpu.difference(before, this.cpu.sample());
		LatencyStats latencies = result.latencies();
		return new BenchStep(rate, result.terminalRate(), Duration.ofMillis(latencies.percentile(50)),
				Duration.ofMillis(latencies.percentile(95)), Duration.ofMillis(latencies.percentile(99)),
				Duration.ofMillis(latencies.max()), latencies.count(), result.errors(), spent);
	}

	private LoadResult load(double rate, int orders) throws InterruptedException {
		return new SagaLoad(this.http, this.options.url(), LoadSetup.CUSTOMERS, LoadSetup.SKUS, this.auth).run(orders,
				rate, this.options.drain(), (progress) -> {
				});
	}

	private List<String> ceilings() throws Exception {
		List<String> lines = new ArrayList<>();
		PostgresCeiling postgres = new PostgresCeiling(this.options.orderDatabase(), 8, 20);
		lines.add(String.format(Locale.ROOT, "ceiling, PostgreSQL: %.0f order+outbox transactions/s (%s)",
				postgres.measure(), postgres));
		ProducerCeiling producer = new ProducerCeiling(this.options.bootstrapServers(), 500_000, 200);
		lines.add(String.format(Locale.ROOT,
				"ceiling, plain producer: %.0f records/s (500,000 x 200 B, acks=all, idempotent, lz4)",
				producer.measure()));
		return lines;
	}

	/**
	 * Lets the stack finish what came before (an earlier run, the warm-up, the previous
	 * step) so that a step measures its own orders only: waits until order-service has no
	 * {@code PENDING} order and the consumer groups have no lag ({@link ConsumerLag}), or
	 * their sum has not fallen for 30 s (orders that will not finish, e.g. dead-lettered
	 * ones), at most 10 minutes.
	 */
	private void awaitQuiet() throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		long last = -1;
		long since = System.nanoTime();
		ConsumerLag lag = new ConsumerLag(this.http, this.options.relayUrl());
		while (System.nanoTime() < deadline) {
			long pending = pendingOrders();
			long records = lag.total();
			if (pending == 0 && records == 0) {
				return;
			}
			if (pending + records != last) {
				System.out.printf(Locale.ROOT, "waiting for %d pending orders and %d records not consumed yet%n",
						pending, records);
				last = pending + records;
				since = System.nanoTime();
			}
			else if (System.nanoTime() - since > Duration.ofSeconds(30).toNanos()) {
				System.out.printf(Locale.ROOT,
						"%d orders stay pending and %d records unconsumed (not falling for 30 s): going on%n", pending,
						records);
				return;
			}
			Thread.sleep(1000);
		}
	}

	private long pendingOrders() throws IOException, InterruptedException {
		String count = Commands.run(List.of("psql", "-tAq", "-d", this.options.orderDatabase(), "-c",
				"SELECT count(*) FROM orders WHERE status = 'PENDING'"));
		return Long.parseLong(count.trim());
	}

	private static long clockTicks() throws IOException, InterruptedException {
		try {
			return Long.parseLong(Commands.run(List.of("getconf", "CLK_TCK")).trim());
		}
		catch (IllegalStateException | NumberFormatException ex) {
			return 100;
		}
	}

}
