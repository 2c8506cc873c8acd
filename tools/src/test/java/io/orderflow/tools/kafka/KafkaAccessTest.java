package io.orderflow.tools.kafka;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.schemas.Topics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite's ACLs as data: least privilege, written down as the assertions a reviewer
 * would make.
 */
class KafkaAccessTest {

	private final List<AclBinding> bindings = KafkaAccess.bindings();

	@Test
	void onlyTheRelayAndTheOperatorsReplayWriteASagaTopic() {
		for (String topic : Topics.ALL) {
			assertThat(principalsAllowed(AclOperation.WRITE, topic)).as(topic)
				.containsExactlyInAnyOrder("User:outbox-relay", "User:orderflow-ops");
		}
	}

	@Test
	void eachServiceReadsExactlyItsTopicsInItsOwnGroupAndWritesTheirDeadLetterTopics() {
		KafkaAccess.SUBSCRIPTIONS.forEach((service, topics) -> {
			assertThat(resources(service, AclOperation.READ, ResourceType.TOPIC)).as(service)
				.containsExactlyInAnyOrderElementsOf(topics);
			assertThat(resources(service, AclOperation.WRITE, ResourceType.TOPIC)).as(service)
				.containsExactlyInAnyOrderElementsOf(topics.stream().map(Topics::deadLetter).toList());
			assertThat(resources(service, AclOperation.READ, ResourceType.GROUP)).as(service).containsExactly(service);
		});
	}

	@Test
	void theOperatorsReadOnlyInTheReplayGroupAndTheExamplesGroup() {
		assertThat(resources(KafkaAccess.OPS, AclOperation.READ, ResourceType.GROUP))
			.containsExactlyInAnyOrder(DeadLetters.REPLAY_GROUP, KafkaAccess.EXAMPLES_GROUP);
		assertThat(principalsAllowed(AclOperation.READ, ResourceType.GROUP, KafkaAccess.EXAMPLES_GROUP))
			.containsExactly("User:orderflow-ops");
	}

	@Test
	void noServiceMayCreateAlterOrDeleteAnythingNorTouchTheCluster() {
		Set<AclOperation> administrative = Set.of(AclOperation.CREATE, AclOperation.ALTER, AclOperation.ALTER_CONFIGS,
				AclOperation.DELETE, AclOperation.CLUSTER_ACTION, AclOperation.ALL, AclOperation.IDEMPOTENT_WRITE);
		for (AclBinding binding : this.bindings) {
			assertThat(binding.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
			assertThat(binding.pattern().resourceType()).isNotEqualTo(ResourceType.CLUSTER);
			if (administrative.contains(binding.entry().operation())) {
				// only the bench's own scratch topics
				assertThat(binding.entry().principal()).isEqualTo("User:orderflow-ops");
				assertThat(binding.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
				assertThat(binding.pattern().name()).isEqualTo(KafkaAccess.BENCH_TOPIC_PREFIX);
			}
		}
	}

	@Test
	void wildcardsAndPrefixesAreOnlyForDescribingGroupsAndTheBenchTopics() {
		for (AclBinding binding : this.bindings) {
			if (binding.pattern().name().equals("*")) {
				assertThat(binding.pattern().resourceType()).isEqualTo(ResourceType.GROUP);
				assertThat(binding.entry().operation()).isEqualTo(AclOperation.DESCRIBE);
			}
			assertThat(binding.entry().principal()).isNotEqualTo("User:*");
			assertThat(binding.entry().host()).isEqualTo("*");
		}
	}

	@Test
	void everyPrincipalButTheAdminIsManagedAndTheAdminHasNoAcl() {
		assertThat(KafkaAccess.managedPrincipals()).doesNotContain("User:admin").hasSize(KafkaAccess.PRINCIPALS.size());
		assertThat(this.bindings.stream().map((b) -> b.entry().principal()).collect(Collectors.toSet()))
			.isEqualTo(KafkaAccess.managedPrincipals());
		assertThat(this.bindings).doesNotHaveDuplicates();
	}

	private Set<String> principalsAllowed(AclOperation operation, String topic) {
		return principalsAllowed(operation, ResourceType.TOPIC, topic);
	}

	private Set<String> principalsAllowed(AclOperation operation, ResourceType type, String name) {
		return this.bindings.stream()
			.filter((b) -> b.entry().operation() == operation && b.pattern().resourceType() == type
					&& b.pattern().patternType() == PatternType.LITERAL && b.pattern().name().equals(name))
			.map((b) -> b.entry().principal())
			.collect(Collectors.toSet());
	}

	private List<String> resources(String user, AclOperation operation, ResourceType type) {
		return this.bindings.stream()
			.filter((b) -> b.entry().principal().equals(KafkaAccess.principal(user))
					&& b.entry().operation() == operation && b.pattern().resourceType() == type)
			.map((b) -> b.pattern().name())
			.toList();
	}

}
