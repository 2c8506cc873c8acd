package io.orderflow.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first ceiling of the machine: how many order placements PostgreSQL commits per
 * second when nothing else is in the way. A scratch database gets order-service's schema
 * (copied with {@code pg_dump --schema-only} from its database, outbox and trigger
 * included); {@code pgbench} then runs what one placement writes, in one transaction like
 * the service: the order row, two lines, the timeline's first step and the outbox row (a
 * 200-byte payload), with fsync on as configured. The scratch database is dropped
 * afterwards.
 *
 * @param sourceDatabase order-service's database, whose schema is copied
 * @param clients concurrent connections ({@code pgbench -c})
 * @param seconds how long ({@code pgbench -T})
 */
record PostgresCeiling(String sourceDatabase, int clients, int seconds) {

	static final String SCRATCH = "orderflow_bench_ceiling";

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

	// pgbench variables only (no psql \\gset): the order id is derived from a random
	// number
	// and the client id, so every transaction writes a new order
	private static final String SCRIPT = """
			\\set r random(1, 9000000000000000000)
			BEGIN;
			INSERT INTO orders (id, version, customer_id, status, created_at) VALUES (md5(:r::text || '-' || :client_id::text)::uuid, 0, 'load', 'PENDING', now());
			INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES (md5(:r::text || '-' || :client_id::text)::uuid, 1, 'LOAD-1', 1), (md5(:r::text || '-' || :client_id::text)::uuid, 2, 'LOAD-2', 2);
			INSERT INTO order_timeline (order_id, position, step, occurred_at) VALUES (md5(:r::text || '-' || :client_id::text)::uuid, 0, 'PLACED', now());
			INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, topic, payload, headers) VALUES (gen_random_uuid(), 'Order', md5(:r::text || '-' || :client_id::text), 'OrderPlaced', 'orders.order-placed.v1', decode(repeat('ab', 200), 'hex'), '{"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}');
			END;
			""";

	/**
	 * @return order + outbox transactions per second
	 */
	double measure() throws IOException, InterruptedException {
		Path script = Files.createTempFile("orderflow-ceiling", ".sql");
		try {
			Files.writeString(script, SCRIPT);
			Commands.run(List.of("psql", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS " + SCRATCH));
			Commands.run(List.of("psql", "-q", "-d", "postgres", "-c", "CREATE DATABASE " + SCRATCH));
			Commands.run(List.of("bash", "-o", "pipefail", "-c", "pg_dump --schema-only --no-owner -d "
					+ this.sourceDatabase + " | psql -q -v ON_ERROR_STOP=1 -d " + SCRATCH + " >/dev/null"));
			List<String> pgbench = new ArrayList<>(
					List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(this.clients), "-j", "2", "-T",
							Integer.toString(this.seconds), "-f", script.toString(), SCRATCH));
			String output = Commands.run(pgbench);
			Matcher tps = TPS.matcher(output);
			if (!tps.find()) {
				throw new IllegalStateException("pgbench printed no tps: " + output);
			}
			return Double.parseDouble(tps.group(1));
		}
		finally {
			Files.deleteIfExists(script);
			Commands.run(List.of("psql", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS " + SCRATCH));
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "pgbench -c %d -T %d (order + lines + timeline + outbox)", this.clients,
				this.seconds);
	}

}
