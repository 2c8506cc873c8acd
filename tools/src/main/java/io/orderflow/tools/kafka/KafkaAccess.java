package io.orderflow.tools.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.orderflow.messaging.deadletter.DeadLetters;
import io.orderflow.schemas.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the suite's brokers: one SCRAM principal per service and one for the
 * operators' tools, each allowed exactly what it does, nothing else (the brokers deny
 * whatever no ACL allows). Defined here once; {@link KafkaSetup} applies it.
 * <ul>
 * <li>{@value #RELAY} is the only writer of the saga topics (it publishes the outboxes);
 * it also reads the consumer groups' offsets and the topics' ends for its lag and
 * dead-letter metrics.</li>
 * <li>each service reads the topics it listens to, in its own consumer group (named like
 * the service), and writes the dead-letter topics of those topics, nothing else: a
 * service cannot publish a saga event, nor read another service's group.</li>
 * <li>{@value #OPS} (the command-line tools: dead letters, lag, the bench and the fault
 * suite) reads every topic, replays dead letters (writes the saga topics, committing in
 * the replay group), describes the groups, and owns the bench's {@code bench.} topics.
 * The client examples ({@code examples/}) read as this principal too, in a group of their
 * own ({@value #EXAMPLES_GROUP}).</li>
 * <li>{@value #ADMIN} is the brokers' own user (between brokers, and to apply this
 * setup): a super user, never given to a service.</li>
 * </ul>
 * Topics are created by the setup, not by the services: no service may create or alter a
 * topic.
 */
public final class KafkaAccess {

	/** The brokers' super user: inter-broker traffic and this setup. */
	public static final String ADMIN = "admin";

	/** order-service's principal and consumer group. */
	public static final String ORDER_SERVICE = "order-service";

	/** inventory-service's principal and consumer group. */
	public static final String INVENTORY_SERVICE = "inventory-service";

	/** payment-service's principal and consumer group. */
	public static final String PAYMENT_SERVICE = "payment-service";

	/** The outbox relay's principal: the only writer of the saga topics. */
	public static final String RELAY = "outbox-relay";

	/** The operators' tools ({@code ./orderflow dlt|lag|bench|chaos}). */
	public static final String OPS = "orderflow-ops";

	/**
	 * The consumer group of the client examples ({@code examples/python}), which read the
	 * saga topics as {@value #OPS}: its own group, so that following the saga never moves
	 * the replay group's offsets.
	 */
	public static final String EXAMPLES_GROUP = "orderflow-examples";

	/** Prefix of the topics the bench may create, fill and delete. */
	public static final String BENCH_TOPIC_PREFIX = "bench.";

	/**
	 * The topics each service listens to (its {@code @KafkaListener}'s), by principal.
	 */
	public static final Map<String, List<String>> SUBSCRIPTIONS = subscriptions();

	/** Every principal this setup creates, besides {@value #ADMIN}. */
	public static final List<String> PRINCIPALS = List.of(ORDER_SERVICE, INVENTORY_SERVICE, PAYMENT_SERVICE, RELAY,
			OPS);

	private KafkaAccess() {
	}

	private static Map<String, List<String>> subscriptions() {
		Map<String, List<String>> subscriptions = new LinkedHashMap<>();
		subscriptions.put(ORDER_SERVICE,
				List.of(Topics.STOCK_RESERVED, Topics.STOCK_REJECTED, Topics.PAYMENT_COMPLETED, Topics.PAYMENT_FAILED));
		subscriptions.put(INVENTORY_SERVICE,
				List.of(Topics.ORDER_PLACED, Topics.PAYMENT_FAILED, Topics.ORDER_CONFIRMED, Topics.ORDER_CANCELLED));
		subscriptions.put(PAYMENT_SERVICE, List.of(Topics.STOCK_RESERVED, Topics.ORDER_CANCELLED));
		return Map.copyOf(subscriptions);
	}

	/**
	 * The Kafka principal of a SCRAM user.
	 * @param user the user name
	 * @return {@code User:<user>}
	 */
	public static String principal(String user) {
		return "User:" + user;
	}

	/**
	 * Every ACL of the suite: allow rules only, for the principals in
	 * {@link #PRINCIPALS}.
	 * @return the bindings, grouped by principal
	 */
	public static List<AclBinding> bindings() {
		List<AclBinding> bindings = new ArrayList<>();
		for (Map.Entry<String, List<String>> service : SUBSCRIPTIONS.entrySet()) {
			String user = service.getKey();
			for (String topic : service.getValue()) {
				allow(bindings, user, topic(topic), AclOperation.READ, AclOperation.DESCRIBE);
				allow(bindings, user, topic(Topics.deadLetter(topic)), AclOperation.WRITE, AclOperation.DESCRIBE);
			}
			allow(bindings, user, group(user), AclOperation.READ);
		}
		for (String topic : Topics.ALL) {
			allow(bindings, RELAY, topic(topic), AclOperation.WRITE, AclOperation.DESCRIBE);
			allow(bindings, RELAY, topic(Topics.deadLetter(topic)), AclOperation.DESCRIBE);
		}
		// the relay's lag and dead-letter metrics: every group's committed offsets
		allow(bindings, RELAY, anyGroup(), AclOperation.DESCRIBE);
		for (String topic : Topics.ALL) {
			allow(bindings, OPS, topic(topic), AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE);
			allow(bindings, OPS, topic(Topics.deadLetter(topic)), AclOperation.READ, AclOperation.DESCRIBE);
		}
		allow(bindings, OPS, group(DeadLetters.REPLAY_GROUP), AclOperation.READ);
		allow(bindings, OPS, group(EXAMPLES_GROUP), AclOperation.READ);
		allow(bindings, OPS, anyGroup(), AclOperation.DESCRIBE);
		allow(bindings, OPS, new ResourcePattern(ResourceType.TOPIC, BENCH_TOPIC_PREFIX, PatternType.PREFIXED),
				AclOperation.CREATE, AclOperation.DELETE, AclOperation.WRITE, AclOperation.READ, AclOperation.DESCRIBE);
		return List.copyOf(bindings);
	}

	/**
	 * The users whose ACLs this setup manages.
	 * @return {@code User:<name>} of every principal
	 */
	public static Set<String> managedPrincipals() {
		return Set.copyOf(PRINCIPALS.stream().map(KafkaAccess::principal).toList());
	}

	private static void allow(List<AclBinding> bindings, String user, ResourcePattern resource,
			AclOperation... operations) {
		for (AclOperation operation : operations) {
			bindings.add(new AclBinding(resource,
					new AccessControlEntry(principal(user), "*", operation, AclPermissionType.ALLOW)));
		}
	}

	private static ResourcePattern topic(String name) {
		return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
	}

	private static ResourcePattern group(String name) {
		return new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
	}

	private static ResourcePattern anyGroup() {
		return new ResourcePattern(ResourceType.GROUP, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL);
	}

}
