package io.orderflow.tools.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderflow.messaging.consumer.SagaTopics;
import io.orderflow.service.kafka.KafkaClientSecurity;
import io.orderflow.tools.CommandLine;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;

import org.springframework.boot.convert.DurationStyle;

/**
 * Applies the suite's Kafka security to running brokers, as their super user
 * ({@code ORDERFLOW_KAFKA_USERNAME} and password, see {@link KafkaClientSecurity}): the
 * SCRAM credentials of every principal of {@link KafkaAccess} (a password file per
 * principal in {@code --passwords DIR}, {@code <principal>.password}), the saga topics
 * and their dead-letter topics ({@link SagaTopics}: created when missing, the dead-letter
 * retention set), and exactly the ACLs of {@link KafkaAccess} for those principals
 * (missing ones added, others of theirs removed). Running it again changes nothing; after
 * a password file changed it rotates that password. Wrapped by {@code ./orderflow up}.
 */
public final class KafkaSetup {

	static final String USAGE = "usage: KafkaSetup --passwords DIR [--bootstrap-servers B] [--partitions N] "
			+ "[--replicas N] [--dead-letter-retention D]";

	/** Iterations of the SCRAM credentials (Kafka's minimum is 4096). */
	static final int SCRAM_ITERATIONS = 8192;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Admin admin;

	private final Path passwords;

	KafkaSetup(Admin admin, Path passwords) {
		this.admin = admin;
		this.passwords = passwords;
	}

	public static void main(String[] args) throws Exception {
		CommandLine line;
		try {
			line = CommandLine.parse(args, USAGE, List.of("--passwords", "--bootstrap-servers", "--partitions",
					"--replicas", "--dead-letter-retention"), List.of());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Path passwords = line.value("--passwords", Path::of, null);
		if (passwords == null) {
			System.err.println("--passwords is required (" + USAGE + ")");
			System.exit(2);
		}
		String bootstrap = line.value("--bootstrap-servers", String::valueOf,
				System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
		Map<String, Object> config = new HashMap<>(
				KafkaClientSecurity.clientProperties(KafkaClientSecurity.fromEnvironmentVariables()));
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (Admin admin = Admin.create(config)) {
			KafkaSetup setup = new KafkaSetup(admin, passwords);
			int brokers = get(admin.describeCluster().nodes()).size();
			short replicas = line.value("--replicas", Short::valueOf, (short) Math.min(3, brokers));
			Result result = setup.apply(line.value("--partitions", Integer::valueOf, SagaTopics.DEFAULT_PARTITIONS),
					replicas, line.value("--dead-letter-retention", DurationStyle::detectAndParse,
							DurationStyle.detectAndParse(SagaTopics.DEFAULT_DEAD_LETTER_RETENTION)));
			System.out.println(result);
		}
	}

	/**
	 * Applies the setup.
	 * @param partitions partitions of topics created now
	 * @param replicas replication factor of topics created now
	 * @param deadLetterRetention retention of the dead-letter topics
	 * @return what changed
	 */
	Result apply(int partitions, short replicas, Duration deadLetterRetention) throws Exception {
		upsertCredentials();
		int created = createTopics(partitions, replicas, deadLetterRetention);
		int[] acls = reconcileAcls();
		return new Result(KafkaAccess.PRINCIPALS.size(), created, acls[0], acls[1]);
	}

	private void upsertCredentials() throws Exception {
		List<UserScramCredentialAlteration> upserts = new ArrayList<>();
		for (String user : KafkaAccess.PRINCIPALS) {
			upserts.add(new UserScramCredentialUpsertion(user,
					new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password(user)));
		}
		get(this.admin.alterUserScramCredentials(upserts).all());
	}

	/**
	 * The password of a principal, from its file ({@code ./orderflow secrets} makes
	 * them).
	 * @param user a principal of {@link KafkaAccess}
	 * @return its password
	 */
	String password(String user) {
		Path file = passwordFile(this.passwords, user);
		try {
			String password = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (password.isEmpty()) {
				throw new IllegalStateException("The Kafka password file " + file + " is empty");
			}
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the password of Kafka user " + user + " (" + file + ")", ex);
		}
	}

	/**
	 * @param directory the passwords directory
	 * @param user a principal
	 * @return {@code <directory>/<user>.password}
	 */
	public static Path passwordFile(Path directory, String user) {
		return directory.resolve(user + ".password");
	}

	private int createTopics(int partitions, short replicas, Duration deadLetterRetention) throws Exception {
		Set<String> existing = get(this.admin.listTopics().names());
		List<NewTopic> missing = new ArrayList<>();
		Map<ConfigResource, Collection<AlterConfigOp>> retention = new HashMap<>();
		for (NewTopic topic : SagaTopics.declarations(partitions, replicas, deadLetterRetention)) {
			if (!existing.contains(topic.name())) {
				missing.add(topic);
			}
			else if (topic.configs() != null && !topic.configs().isEmpty()) {
				List<AlterConfigOp> ops = new ArrayList<>();
				topic.configs()
					.forEach((name, value) -> ops
						.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)));
				retention.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), ops);
			}
		}
		if (!missing.isEmpty()) {
			get(this.admin.createTopics(missing).all());
		}
		if (!retention.isEmpty()) {
			get(this.admin.incrementalAlterConfigs(retention).all());
		}
		return missing.size();
	}

	private int[] reconcileAcls() throws Exception {
		Set<String> managed = KafkaAccess.managedPrincipals();
		Set<AclBinding> wanted = new HashSet<>(KafkaAccess.bindings());
		Set<AclBinding> present = new HashSet<>();
		for (AclBinding binding : get(this.admin.describeAcls(AclBindingFilter.ANY).values())) {
			if (managed.contains(binding.entry().principal())) {
				present.add(binding);
			}
		}
		List<AclBinding> add = wanted.stream().filter((binding) -> !present.contains(binding)).toList();
		List<AclBindingFilter> remove = present.stream()
			.filter((binding) -> !wanted.contains(binding))
			.map(AclBinding::toFilter)
			.toList();
		if (!remove.isEmpty()) {
			get(this.admin.deleteAcls(remove).all());
		}
		if (!add.isEmpty()) {
			get(this.admin.createAcls(add).all());
		}
		return new int[] { add.size(), remove.size() };
	}

	private static <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/**
	 * What one run changed.
	 *
	 * @param users principals whose credentials were set
	 * @param topicsCreated topics that did not exist
	 * @param aclsAdded ACLs added
	 * @param aclsRemoved ACLs of the managed principals that the suite no longer grants
	 */
	record Result(int users, int topicsCreated, int aclsAdded, int aclsRemoved) {

		@Override
		public String toString() {
			return "Kafka setup: " + this.users + " users, " + this.topicsCreated + " topic(s) created, "
					+ this.aclsAdded + " ACL(s) added, " + this.aclsRemoved + " removed";
		}

	}

}
