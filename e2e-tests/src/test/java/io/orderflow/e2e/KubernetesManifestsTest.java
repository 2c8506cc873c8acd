package io.orderflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the manifests in {@code deploy/k8s} promise and what no cluster checks for us
 * here: every workload has the probes, limits, security context and disruption budget of
 * a production Deployment, the lag autoscalers watch the consumer group the service
 * really consumes in, and the kustomization lists every manifest.
 */
class KubernetesManifestsTest {

	private static final Path ROOT = Path.of(System.getProperty("orderflow.project.root", ".."));

	private static final Path K8S = ROOT.resolve("deploy/k8s");

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"outbox-relay");

	@Test
	void everyDeploymentProbesHealthGroupsRunsRestrictedAndHasADisruptionBudget() throws IOException {
		for (String service : SERVICES) {
			List<Map<String, Object>> documents = documents(K8S.resolve(service + ".yaml"));
			Map<String, Object> deployment = only(documents, "Deployment");
			Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
			Map<String, Object> container = list(pod, "containers").get(0);
			assertThat(path(map(container, "livenessProbe"))).as(service).isEqualTo("/actuator/health/liveness");
			assertThat(path(map(container, "readinessProbe"))).as(service).isEqualTo("/actuator/health/readiness");
			assertThat(path(map(container, "startupProbe"))).as(service).isEqualTo("/actuator/health/liveness");
			assertThat(map(map(container, "resources"), "limits")).as(service).containsKey("memory");
			assertThat(map(pod, "securityContext")).as(service).containsEntry("runAsNonRoot", true);
			assertThat(map(container, "securityContext")).as(service)
				.containsEntry("readOnlyRootFilesystem", true)
				.containsEntry("allowPrivilegeEscalation", false);
			assertThat(env(container)).as(service).contains("OTEL_SERVICE_NAME", "KAFKA_BOOTSTRAP_SERVERS");
			Map<String, Object> budget = only(documents, "PodDisruptionBudget");
			assertThat(map(map(budget, "spec"), "selector")).isEqualTo(map(map(deployment, "spec"), "selector"));
		}
	}

	@Test
	void lagAutoscalersWatchTheGroupEachServiceConsumesIn() throws IOException {
		for (String service : List.of("order-service", "inventory-service", "payment-service")) {
			Map<String, Object> scaledObject = only(documents(K8S.resolve(service + ".yaml")), "ScaledObject");
			Map<String, Object> kafka = list(map(scaledObject, "spec"), "triggers").stream()
				.filter((trigger) -> "kafka".equals(trigger.get("type")))
				.findFirst()
				.orElseThrow();
			assertThat(map(kafka, "metadata").get("consumerGroup")).as(service).isEqualTo(consumerGroup(service));
		}
	}

	@Test
	void kustomizationListsEveryManifest() throws IOException {
		Map<String, Object> kustomization = documents(K8S.resolve("kustomization.yaml")).get(0);
		List<String> manifests;
		try (var files = Files.list(K8S)) {
			manifests = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
				.toList();
		}
		assertThat(kustomization.get("resources")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactlyInAnyOrderElementsOf(manifests);
	}

	/** {@code spring.kafka.consumer.group-id} of the service's application.yml. */
	private static Object consumerGroup(String service) throws IOException {
		Map<String, Object> application = documents(ROOT.resolve(service + "/src/main/resources/application.yml"))
			.get(0);
		return map(map(map(application, "spring"), "kafka"), "consumer").get("group-id");
	}

	private static List<Map<String, Object>> documents(Path file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(Files.readString(file))) {
			if (document != null) {
				documents.add(cast(document));
			}
		}
		return documents;
	}

	private static Map<String, Object> only(List<Map<String, Object>> documents, String kind) {
		List<Map<String, Object>> ofKind = documents.stream().filter((d) -> kind.equals(d.get("kind"))).toList();
		assertThat(ofKind).as(kind).hasSize(1);
		return ofKind.get(0);
	}

	private static String path(Map<String, Object> probe) {
		return (String) map(probe, "httpGet").get("path");
	}

	private static List<Object> env(Map<String, Object> container) {
		return list(container, "env").stream().map((variable) -> variable.get("name")).toList();
	}

	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return cast(parent.get(key));
	}

	private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> list = (List<Map<String, Object>>) parent.get(key);
		return list;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object value) {
		return (Map<String, Object>) value;
	}

}
