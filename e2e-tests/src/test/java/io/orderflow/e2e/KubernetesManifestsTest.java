package io.orderflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.orderflow.messaging.consumer.SagaTopics;
import io.orderflow.tools.kafka.KafkaAccess;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the manifests in {@code deploy/k8s} promise and what no cluster checks for us
 * here: every workload has the probes, limits, security context and disruption budget of
 * a production Deployment, the lag autoscalers watch the consumer group the service
 * really consumes in, and the kustomization lists every manifest. On the Kafka side: the
 * Strimzi topics and users are exactly the suite's ({@link SagaTopics},
 * {@link KafkaAccess}), each client logs in as its own user trusting the cluster CA, the
 * autoscalers too, and each Strimzi resource keeps the namespace it names.
 */
class KubernetesManifestsTest {

	private static final Path ROOT = Path.of(System.getProperty("orderflow.project.root", ".."));

	private static final Path K8S = ROOT.resolve("deploy/k8s");

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"outbox-relay");

	private static final List<String> CONSUMERS = List.of("order-service", "inventory-service", "payment-service");

	/** Where the pods, and so the KafkaUsers whose Secrets they read, live. */
	private static final String NAMESPACE = "orderflow";

	/** Where the Strimzi cluster, and so the KafkaTopics, live. */
	private static final String KAFKA_NAMESPACE = "kafka";

	private static final String CLUSTER = "orderflow";

	/** Strimzi's cluster CA certificate, copied into {@link #NAMESPACE}. */
	private static final String CA_SECRET = "orderflow-cluster-ca-cert";

	private static final String CA_KEY = "ca.crt";

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
			assertThat(env(container)).as(service)
				.contains("OTEL_SERVICE_NAME", "KAFKA_BOOTSTRAP_SERVERS", "LOGGING_STRUCTURED_FORMAT_CONSOLE");
			Map<String, Object> budget = only(documents, "PodDisruptionBudget");
			assertThat(map(map(budget, "spec"), "selector")).isEqualTo(map(map(deployment, "spec"), "selector"));
		}
	}

	@Test
	void lagAutoscalersWatchTheGroupEachServiceConsumesIn() throws IOException {
		for (String service : CONSUMERS) {
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

	@Test
	void kafkaUsersAllowExactlyTheAclsOfKafkaAccess() throws IOException {
		List<Map<String, Object>> users = ofKind(documents(K8S.resolve("kafka.yaml")), "KafkaUser");
		List<Object> names = users.stream().map((user) -> map(user, "metadata").get("name")).toList();
		assertThat(names).containsExactlyInAnyOrderElementsOf(KafkaAccess.PRINCIPALS);
		List<List<String>> acls = new ArrayList<>();
		for (Map<String, Object> user : users) {
			Map<String, Object> metadata = map(user, "metadata");
			String name = (String) metadata.get("name");
			assertThat(metadata).as(name).containsEntry("namespace", NAMESPACE);
			assertThat(map(metadata, "labels")).as(name).containsEntry("strimzi.io/cluster", CLUSTER);
			Map<String, Object> spec = map(user, "spec");
			assertThat(map(spec, "authentication")).as(name).containsEntry("type", "scram-sha-512");
			Map<String, Object> authorization = map(spec, "authorization");
			assertThat(authorization).as(name).containsEntry("type", "simple");
			for (Map<String, Object> acl : list(authorization, "acls")) {
				assertThat(acl.getOrDefault("type", "allow")).as(name).isEqualTo("allow");
				assertThat(acl.getOrDefault("host", "*")).as(name).isEqualTo("*");
				Map<String, Object> resource = map(acl, "resource");
				assertThat(acl).as(name).containsKey("operations");
				for (Object operation : (List<?>) acl.get("operations")) {
					acls.add(List.of(KafkaAccess.principal(name), (String) resource.get("type"),
							String.valueOf(resource.get("name")),
							(String) resource.getOrDefault("patternType", "literal"), (String) operation));
				}
			}
		}
		List<List<String>> expected = new ArrayList<>();
		for (AclBinding binding : KafkaAccess.bindings()) {
			assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
			assertThat(binding.entry().host()).isEqualTo("*");
			expected.add(List.of(binding.entry().principal(), camelCase(binding.pattern().resourceType().name(), false),
					binding.pattern().name(), patternType(binding.pattern().patternType()),
					camelCase(binding.entry().operation().name(), true)));
		}
		assertThat(acls).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void kafkaTopicsAreTheSagaTopicsAsTheSuiteDeclaresThem() throws IOException {
		List<List<Object>> topics = new ArrayList<>();
		for (Map<String, Object> topic : ofKind(documents(K8S.resolve("kafka.yaml")), "KafkaTopic")) {
			Map<String, Object> metadata = map(topic, "metadata");
			Map<String, Object> spec = map(topic, "spec");
			Object topicName = spec.get("topicName");
			assertThat(metadata).as("%s", topicName).containsEntry("namespace", KAFKA_NAMESPACE);
			assertThat(map(metadata, "labels")).as("%s", topicName).containsEntry("strimzi.io/cluster", CLUSTER);
			assertThat((String) metadata.get("name")).as("%s", topicName)
				.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
				.isEqualTo(String.valueOf(topicName).replace('.', '-'));
			Map<String, String> config = new TreeMap<>();
			if (spec.containsKey("config")) {
				map(spec, "config").forEach((key, value) -> config.put(key, String.valueOf(value)));
			}
			topics.add(List.of(topicName, spec.get("partitions"), spec.get("replicas"), config));
		}
		List<List<Object>> expected = SagaTopics.declarations(3, (short) 3, Duration.ofDays(28))
			.stream()
			.map((topic) -> List.<Object>of(topic.name(), topic.numPartitions(), (int) topic.replicationFactor(),
					new TreeMap<>((topic.configs() != null) ? topic.configs() : Map.of())))
			.toList();
		assertThat(topics).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void everyKafkaClientLogsInAsItsOwnUserTrustingTheClusterCa() throws IOException {
		List<Object> users = ofKind(documents(K8S.resolve("kafka.yaml")), "KafkaUser").stream()
			.map((user) -> map(user, "metadata").get("name"))
			.toList();
		for (String service : SERVICES) {
			Map<String, Object> pod = podSpec(only(documents(K8S.resolve(service + ".yaml")), "Deployment"));
			Map<String, Object> container = list(pod, "containers").get(0);
			assertThat(container.get("name")).isEqualTo(service);
			Map<String, Map<String, Object>> env = envByName(container);
			// its principal: the module's name, a KafkaUser of kafka.yaml
			assertThat(env.get("ORDERFLOW_KAFKA_USERNAME")).as(service).containsEntry("value", service);
			assertThat(users).as(service).contains(service);
			// its password: from its KafkaUser's Secret, not a literal
			assertThat(env.get("ORDERFLOW_KAFKA_PASSWORD")).as(service).doesNotContainKey("value");
			assertThat(map(map(env.get("ORDERFLOW_KAFKA_PASSWORD"), "valueFrom"), "secretKeyRef")).as(service)
				.containsEntry("name", service)
				.containsEntry("key", "password");
			// the brokers' CA: a file of a read-only volume of the CA's Secret
			assertThat(env.get("ORDERFLOW_KAFKA_TRUSTED_CERTIFICATES")).as(service).containsKey("value");
			Path certificates = Path.of((String) env.get("ORDERFLOW_KAFKA_TRUSTED_CERTIFICATES").get("value"));
			Map<String, Object> mount = list(container, "volumeMounts").stream()
				.filter((candidate) -> certificates.startsWith(Path.of((String) candidate.get("mountPath"))))
				.findFirst()
				.orElseThrow(() -> new AssertionError(service + ": no volume mounted at " + certificates));
			assertThat(mount).as(service).containsEntry("readOnly", true).doesNotContainKey("subPath");
			Map<String, Object> volume = list(pod, "volumes").stream()
				.filter((candidate) -> mount.get("name").equals(candidate.get("name")))
				.findFirst()
				.orElseThrow();
			Map<String, Object> secret = map(volume, "secret");
			assertThat(secret).as(service).containsEntry("secretName", CA_SECRET);
			String file = Path.of((String) mount.get("mountPath")).relativize(certificates).toString();
			if (secret.containsKey("items")) {
				assertThat(list(secret, "items")).as(service).contains(Map.of("key", CA_KEY, "path", file));
			}
			else {
				assertThat(file).as(service).isEqualTo(CA_KEY);
			}
		}
	}

	@Test
	void lagAutoscalersLogInAsTheServiceTheyScale() throws IOException {
		for (String service : CONSUMERS) {
			List<Map<String, Object>> documents = documents(K8S.resolve(service + ".yaml"));
			Map<String, Object> deployment = only(documents, "Deployment");
			Map<String, Object> scaledObject = only(documents, "ScaledObject");
			List<Map<String, Object>> triggers = list(map(scaledObject, "spec"), "triggers").stream()
				.filter((trigger) -> "kafka".equals(trigger.get("type")))
				.toList();
			assertThat(triggers).as(service).isNotEmpty();
			for (Map<String, Object> trigger : triggers) {
				assertThat(map(trigger, "metadata")).as(service)
					.containsEntry("sasl", "scram_sha512")
					.containsEntry("tls", "enable");
				Map<String, Object> reference = map(trigger, "authenticationRef");
				assertThat(reference.getOrDefault("kind", "TriggerAuthentication")).as(service)
					.isEqualTo("TriggerAuthentication");
				Map<String, Object> authentication = ofKind(documents, "TriggerAuthentication").stream()
					.filter((candidate) -> reference.get("name").equals(map(candidate, "metadata").get("name")))
					.findFirst()
					.orElseThrow(() -> new AssertionError(
							service + ": no TriggerAuthentication named " + reference.get("name")));
				Map<String, Object> spec = map(authentication, "spec");
				Map<String, Map<String, Object>> parameters = new HashMap<>();
				for (String source : List.of("env", "secretTargetRef", "configMapTargetRef")) {
					if (spec.containsKey(source)) {
						list(spec, source).forEach((parameter) -> parameters.put((String) parameter.get("parameter"),
								Map.of(source, parameter)));
					}
				}
				// sasl and tls are in the trigger: KEDA refuses them in both places
				assertThat(parameters).as(service).doesNotContainKeys("sasl", "tls");
				// the user of the Deployment's container, as the pods log in
				Map<String, Object> username = map(parameters.get("username"), "env");
				assertThat(username).as(service)
					.containsEntry("name", "ORDERFLOW_KAFKA_USERNAME")
					.containsEntry("containerName", service);
				assertThat(env(list(podSpec(deployment), "containers").get(0))).as(service)
					.contains("ORDERFLOW_KAFKA_USERNAME");
				assertThat(map(parameters.get("password"), "secretTargetRef")).as(service)
					.containsEntry("name", service)
					.containsEntry("key", "password");
				assertThat(map(parameters.get("ca"), "secretTargetRef")).as(service)
					.containsEntry("name", CA_SECRET)
					.containsEntry("key", CA_KEY);
			}
		}
	}

	@Test
	void kustomizationKeepsTheNamespaceEachStrimziResourceNames() throws IOException {
		Map<String, Object> kustomization = documents(K8S.resolve("kustomization.yaml")).get(0);
		// `namespace:` would override every namespace, the KafkaTopics' too
		assertThat(kustomization).doesNotContainKey("namespace");
		List<Map<String, Object>> namespaceTransformers = ((List<?>) kustomization.get("transformers")).stream()
			.map((transformer) -> (transformer instanceof String inline) ? cast(new Yaml().load(inline))
					: cast(transformer))
			.filter((transformer) -> "NamespaceTransformer".equals(transformer.get("kind")))
			.toList();
		assertThat(namespaceTransformers).hasSize(1);
		assertThat(namespaceTransformers.get(0)).containsEntry("unsetOnly", true);
		assertThat(map(namespaceTransformers.get(0), "metadata")).containsEntry("namespace", NAMESPACE);
		assertThat(map(documents(K8S.resolve("namespace.yaml")).get(0), "metadata")).containsEntry("name", NAMESPACE);
		// the Strimzi resources name their namespace, the others none (orderflow)
		for (Object manifest : (List<?>) kustomization.get("resources")) {
			for (Map<String, Object> document : documents(K8S.resolve((String) manifest))) {
				Map<String, Object> metadata = map(document, "metadata");
				if (String.valueOf(document.get("apiVersion")).startsWith("kafka.strimzi.io/")) {
					assertThat(metadata).as("%s %s", document.get("kind"), metadata.get("name"))
						.containsKey("namespace");
				}
				else {
					assertThat(metadata).as("%s %s", document.get("kind"), metadata.get("name"))
						.doesNotContainKey("namespace");
				}
			}
		}
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
		List<Map<String, Object>> matching = ofKind(documents, kind);
		assertThat(matching).as(kind).hasSize(1);
		return matching.get(0);
	}

	private static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
		return documents.stream().filter((d) -> kind.equals(d.get("kind"))).toList();
	}

	private static Map<String, Object> podSpec(Map<String, Object> deployment) {
		return map(map(map(deployment, "spec"), "template"), "spec");
	}

	private static Map<String, Map<String, Object>> envByName(Map<String, Object> container) {
		Map<String, Map<String, Object>> env = new HashMap<>();
		for (Map<String, Object> variable : list(container, "env")) {
			env.put((String) variable.get("name"), variable);
		}
		return env;
	}

	/**
	 * A Kafka enum constant's name as Strimzi spells it ({@code DESCRIBE_CONFIGS}:
	 * {@code DescribeConfigs} for an operation, {@code TRANSACTIONAL_ID}:
	 * {@code transactionalId} for a resource type).
	 */
	private static String camelCase(String constant, boolean capitalized) {
		StringBuilder name = new StringBuilder();
		for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
			name.append((name.isEmpty() && !capitalized) ? word
					: Character.toUpperCase(word.charAt(0)) + word.substring(1));
		}
		return name.toString();
	}

	private static String patternType(PatternType type) {
		return switch (type) {
			case LITERAL -> "literal";
			case PREFIXED -> "prefix";
			default -> throw new AssertionError("Strimzi has no pattern type " + type);
		};
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
