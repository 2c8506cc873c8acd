package io.orderflow.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped Prometheus configuration against the running suite: a real Prometheus
 * server (Debian package {@code prometheus}) scrapes the four services with the jobs of
 * {@code deploy/prometheus/prometheus-local.yml}, and after some orders every Grafana
 * panel query and the series behind every alert expression return data
 * ({@link AlertRulesTest} checks the rules themselves).
 */
class ObservabilityEndToEndTest {

	private static final Path ROOT = Path.of(System.getProperty("orderflow.project.root", ".."));

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((\\w+), (\\w+)\\)");

	private static Suite suite;

	private static Process prometheus;

	private static String prometheusUrl;

	@BeforeAll
	static void start() throws Exception {
		MachineTools.require("prometheus", "promtool");
		suite = Suite.start("observability_e2e");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path dir = Path.of("target", "prometheus").toAbsolutePath();
		Files.createDirectories(dir);
		String targets = String.join(", ",
				suite.all()
					.stream()
					.map((service) -> "'" + service.managementUrl().replace("http://", "") + "'")
					.toList());
		String config = Files.readString(ROOT.resolve("deploy/prometheus/prometheus-local.yml"))
			.replaceAll("scrape_interval: \\d+s", "scrape_interval: 2s")
			.replaceAll("- targets: \\[.*\\]", "- targets: [" + targets + "]");
		assertThat(config).contains(targets);
		Files.writeString(dir.resolve("prometheus.yml"), config);
		Files.copy(ROOT.resolve("deploy/prometheus/alerts.yml"), dir.resolve("alerts.yml"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		prometheus = new ProcessBuilder("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
				"--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("prometheus.log").toFile())
			.start();
		prometheusUrl = "http://127.0.0.1:" + port;
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> Api.get(prometheusUrl + "/-/ready").status() == 200);
	}

	@AfterAll
	static void stop() {
		if (prometheus != null) {
			prometheus.destroy();
			prometheus.onExit().completeOnTimeout(prometheus, 10, TimeUnit.SECONDS).join();
		}
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void everyDashboardPanelAndAlertExpressionReturnsDataFromTheRunningSuite() throws Exception {
		Api.put(suite.inventory.url() + "/products/OBS-1",
				"{\"name\":\"obs\",\"unitPriceMinor\":100,\"currency\":\"EUR\",\"available\":5}");
		Api.put(suite.payment.url() + "/accounts/obs", "{\"balanceMinor\":100000,\"currency\":\"EUR\"}");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 10; i++) { // 5 confirmed, then out of stock: 5 rejected
			ids.add(Api
				.post(suite.order.url() + "/orders",
						"{\"customerId\":\"obs\",\"lines\":[{\"sku\":\"OBS-1\",\"quantity\":1}]}", null)
				.body()
				.get("id")
				.asString());
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ids).allSatisfy(
					(id) -> assertThat(Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString())
						.isIn("CONFIRMED", "REJECTED")));

		Map<String, String> queries = queries();
		assertThat(queries).hasSizeGreaterThan(25);
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			List<String> empty = new ArrayList<>();
			queries.forEach((name, query) -> {
				JsonNode response = query(query);
				assertThat(response.get("status").asString()).as(name + ": " + query).isEqualTo("success");
				if (response.get("data").get("result").isEmpty()) {
					empty.add(name + ": " + query);
				}
			});
			assertThat(empty).as("queries without data").isEmpty();
		});
	}

	/**
	 * What an operator sees while payment-service is down: Prometheus marks its target
	 * down ({@code ServiceDown}'s expression), and the broker-side lag of its consumer
	 * group grows by the orders placed meanwhile, reported by the relay although no
	 * consumer of the group runs. Once it is back, the lag drains to zero and the orders
	 * are confirmed.
	 */
	@Test
	void consumerLagIsVisibleWhileTheConsumerIsDownAndDrainsWhenItReturns() {
		Api.put(suite.inventory.url() + "/products/OBS-LAG",
				"{\"name\":\"lag\",\"unitPriceMinor\":100,\"currency\":\"EUR\",\"available\":100}");
		Api.put(suite.payment.url() + "/accounts/obs-lag", "{\"balanceMinor\":100000,\"currency\":\"EUR\"}");
		String paymentTarget = suite.payment.managementUrl().replace("http://", "");
		String lag = "sum(max by (topic, partition) (kafka_consumergroup_lag{consumergroup=\"payment-service\"}))";
		// payment-service's group has committed offsets (so the broker knows its topics)
		String first = placeLagOrder();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(Api.get(suite.order.url() + "/orders/" + first).body().get("status").asString())
						.isEqualTo("CONFIRMED"));
		suite.payment.kill();
		try {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				ids.add(placeLagOrder());
			}
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				assertThat(value("up{instance=\"" + paymentTarget + "\"}")).isEqualTo(0);
				assertThat(value(lag)).isGreaterThanOrEqualTo(6);
			});
			assertThat(ids).allSatisfy(
					(id) -> assertThat(Api.get(suite.order.url() + "/orders/" + id).body().get("status").asString())
						.isEqualTo("PENDING"));
		}
		finally {
			suite.payment.start().awaitReady(Duration.ofSeconds(180));
		}
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(value(lag)).isZero());
	}

	private static String placeLagOrder() {
		return Api
			.post(suite.order.url() + "/orders",
					"{\"customerId\":\"obs-lag\",\"lines\":[{\"sku\":\"OBS-LAG\",\"quantity\":1}]}", null)
			.body()
			.get("id")
			.asString();
	}

	/** The single value of an instant query; NaN when it has no result. */
	private static double value(String promql) {
		JsonNode result = query(promql).get("data").get("result");
		return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).get("value").get(1).asString());
	}

	/** Prometheus' answer to an instant query. */
	private static JsonNode query(String promql) {
		return Api.get(prometheusUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
			.body();
	}

	/**
	 * Every panel query of the shipped dashboards (each variable at "All"), every
	 * variable's values query, and every alert expression without its threshold.
	 */
	private static Map<String, String> queries() throws IOException {
		Map<String, String> queries = new java.util.LinkedHashMap<>();
		try (var dashboards = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
			for (Path file : dashboards.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode dashboard = Api.JSON.readTree(Files.readString(file));
				List<String> variables = new ArrayList<>();
				for (JsonNode variable : dashboard.get("templating").get("list")) {
					variables.add(variable.get("name").asString());
					// Grafana's label_values(metric, label): the label's values in the
					// metric's series
					Matcher labelValues = LABEL_VALUES.matcher(variable.get("definition").asString());
					assertThat(labelValues.matches()).as(variable.toString()).isTrue();
					queries.put(file.getFileName() + " / variable " + variable.get("name").asString(),
							"group by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")");
				}
				for (JsonNode panel : dashboard.get("panels")) {
					for (JsonNode target : panel.get("targets")) {
						// every variable at "All" (its allValue)
						String expr = target.get("expr").asString();
						for (String variable : variables) {
							expr = expr.replace("$" + variable, ".*");
						}
						assertThat(expr).as(panel.get("title").asString()).doesNotContain("$");
						queries.put(file.getFileName() + " / " + panel.get("title").asString() + " / "
								+ target.get("refId").asString(), expr);
					}
				}
			}
		}
		Pattern alert = Pattern.compile("- alert: (\\S+)\\s+(?:#[^\\n]*\\s+)*expr: ([^\\n]+)");
		Matcher matcher = alert.matcher(Files.readString(ROOT.resolve("deploy/prometheus/alerts.yml")));
		while (matcher.find()) {
			queries.put("alert " + matcher.group(1), matcher.group(2).replaceAll("\\s*(>|==|<)\\s*[0-9.]+\\s*$", ""));
		}
		return queries;
	}

}
