package io.orderflow.e2e;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.orderflow.tools.kafka.KafkaAccess;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.kafka.annotation.KafkaListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ACLs the brokers enforce ({@link KafkaAccess}) follow the services as built: each
 * service's principal and consumer group is its application name, and it may read exactly
 * the topics its listener subscribes to. A listener that gains a topic without its ACL
 * fails here, not on a secured stack.
 */
class KafkaAccessMatchesTheServicesTest {

	private static final Map<String, String> LISTENERS = Map.of("order-service",
			"io.orderflow.order.messaging.SagaOutcomeListener", "inventory-service",
			"io.orderflow.inventory.messaging.SagaListener", "payment-service",
			"io.orderflow.payment.messaging.SagaListener");

	@Test
	void eachServiceReadsExactlyWhatItsListenerSubscribesTo() throws Exception {
		assertThat(KafkaAccess.SUBSCRIPTIONS.keySet()).containsExactlyInAnyOrderElementsOf(LISTENERS.keySet());
		for (Map.Entry<String, String> service : LISTENERS.entrySet()) {
			List<String> topics = new ArrayList<>();
			for (Method method : Class.forName(service.getValue()).getDeclaredMethods()) {
				KafkaListener listener = method.getAnnotation(KafkaListener.class);
				if (listener != null) {
					topics.addAll(List.of(listener.topics()));
				}
			}
			assertThat(topics).as(service.getKey())
				.containsExactlyInAnyOrderElementsOf(KafkaAccess.SUBSCRIPTIONS.get(service.getKey()));
		}
	}

	@Test
	void eachServicesConsumerGroupIsItsPrincipalsName() throws Exception {
		Map<String, String> groups = new HashMap<>();
		for (URL url : Collections.list(getClass().getClassLoader().getResources("application.yml"))) {
			try (InputStream in = url.openStream()) {
				Map<String, Object> yaml = new Yaml().load(in);
				String name = (String) path(yaml, "spring", "application", "name");
				Object group = path(yaml, "spring", "kafka", "consumer", "group-id");
				if (name != null && group != null) {
					groups.put(name, group.toString());
				}
			}
		}
		assertThat(groups.keySet()).containsAll(KafkaAccess.SUBSCRIPTIONS.keySet());
		KafkaAccess.SUBSCRIPTIONS.keySet().forEach((service) -> assertThat(groups.get(service)).isEqualTo(service));
	}

	@SuppressWarnings("unchecked")
	private static Object path(Map<String, Object> yaml, String... keys) {
		Object node = yaml;
		for (String key : keys) {
			if (!(node instanceof Map)) {
				return null;
			}
			node = ((Map<String, Object>) node).get(key);
		}
		return node;
	}

}
