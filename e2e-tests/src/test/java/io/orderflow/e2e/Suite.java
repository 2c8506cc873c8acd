package io.orderflow.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.KafkaBroker;
import io.orderflow.testsupport.PostgresServer;
import io.orderflow.testsupport.SchemaRegistryServer;

/**
 * The whole suite: the four services as processes, each service with a database of its
 * own on one PostgreSQL server, one Kafka broker and one schema registry.
 */
final class Suite implements AutoCloseable {

	final ServiceProcess order;

	final ServiceProcess inventory;

	final ServiceProcess payment;

	final ServiceProcess relay;

	private Suite(String name, String otlpTraces) {
		PostgresServer postgres = PostgresServer.get();
		Map<String, String> common = new HashMap<>();
		common.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
		common.put("SCHEMA_REGISTRY_URL", SchemaRegistryServer.baseUrl());
		// tokens of the tests' authorization server; the saga tests place many orders per
		// customer at once
		common.put("ORDERFLOW_AUTH_ISSUER", AuthorizationServer.trustedIssuer());
		common.put("ORDERFLOW_ORDERS_RATELIMIT_ENABLED", "false");
		common.put("DATABASE_USER", postgres.username());
		common.put("DATABASE_PASSWORD", postgres.password());
		// transient failures are retried briefly here, to keep the tests short
		common.put("ORDERFLOW_CONSUMER_INITIALINTERVAL", "200ms");
		common.put("ORDERFLOW_CONSUMER_MAXRETRIES", "5");
		if (otlpTraces != null) {
			// the OpenTelemetry Java agent (deploy/runtime), exporting spans over
			// OTLP/HTTP
			Path agent = Path.of(System.getProperty("orderflow.project.root", ".."))
				.resolve("deploy/runtime/target/otel/opentelemetry-javaagent.jar")
				.toAbsolutePath();
			common.put("JAVA_TOOL_OPTIONS",
					"-javaagent:" + agent + " -Dotel.traces.exporter=otlp -Dotel.exporter.otlp.protocol=http/protobuf"
							+ " -Dotel.exporter.otlp.traces.endpoint=" + otlpTraces + " -Dotel.bsp.schedule.delay=200"
							+ " -Dotel.metrics.exporter=none -Dotel.logs.exporter=none");
		}
		String orderDb = postgres.createDatabase(name + "_order");
		String inventoryDb = postgres.createDatabase(name + "_inventory");
		String paymentDb = postgres.createDatabase(name + "_payment");
		this.order = new ServiceProcess("order-service", with(common, "DATABASE_URL", orderDb));
		this.inventory = new ServiceProcess("inventory-service", with(common, "DATABASE_URL", inventoryDb));
		this.payment = new ServiceProcess("payment-service", with(common, "DATABASE_URL", paymentDb));
		Map<String, String> relayEnvironment = new HashMap<>(common);
		relayEnvironment.put("ORDER_DATABASE_URL", orderDb);
		relayEnvironment.put("INVENTORY_DATABASE_URL", inventoryDb);
		relayEnvironment.put("PAYMENT_DATABASE_URL", paymentDb);
		this.relay = new ServiceProcess("outbox-relay", relayEnvironment);
	}

	/**
	 * Starts every service (in parallel) and waits until all are ready.
	 * @param name readable part of the database names
	 * @return the running suite
	 */
	static Suite start(String name) {
		return start(name, null);
	}

	/**
	 * @param name readable part of the database names
	 * @param otlpTraces where the services' OpenTelemetry agents export their spans
	 * (OTLP/HTTP traces endpoint), or {@code null} to run them without the agent
	 * @return the running suite
	 */
	static Suite start(String name, String otlpTraces) {
		Suite suite = new Suite(name, otlpTraces);
		for (ServiceProcess service : suite.all()) {
			service.start();
		}
		for (ServiceProcess service : suite.all()) {
			service.awaitReady(Duration.ofSeconds(180));
		}
		return suite;
	}

	List<ServiceProcess> all() {
		return List.of(this.order, this.inventory, this.payment, this.relay);
	}

	@Override
	public void close() {
		all().forEach(ServiceProcess::close);
	}

	private static Map<String, String> with(Map<String, String> common, String name, String value) {
		Map<String, String> environment = new HashMap<>(common);
		environment.put(name, value);
		return environment;
	}

}
