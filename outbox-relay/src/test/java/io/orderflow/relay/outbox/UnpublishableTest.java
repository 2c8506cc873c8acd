package io.orderflow.relay.outbox;

import java.util.Optional;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnpublishableTest {

	private static final OutboxRow ROW = new OutboxRow(7, "event", "order-1", "OrderPlaced", "orders.x.v1", new byte[0],
			null, 0, 0);

	@Test
	void aRecordTheBrokerRefusesForItselfCanNeverBePublished() {
		Unpublishable unpublishable = new Unpublishable((topic) -> Optional.of(true));
		assertThat(unpublishable.reason(ROW, new RecordTooLargeException("too large"))).contains("too large");
		assertThat(unpublishable.reason(ROW, new InvalidTopicException("bad name"))).contains("bad name");
		assertThat(unpublishable.reason(ROW, new InvalidRecordException("refused"))).contains("refused");
	}

	@Test
	void aMissingTopicIsOnlyWhatTheBrokerSaysWhenAsked() {
		Unpublishable missing = new Unpublishable((topic) -> Optional.of(false));
		Unpublishable exists = new Unpublishable((topic) -> Optional.of(true));
		Unpublishable unanswered = new Unpublishable((topic) -> Optional.empty());
		TimeoutException metadata = new TimeoutException("Topic orders.x.v1 not present in metadata after 10000 ms.");

		assertThat(missing.reason(ROW, metadata)).contains("topic orders.x.v1 does not exist");
		assertThat(missing.reason(ROW, new UnknownTopicOrPartitionException("unknown"))).contains("does not exist");
		assertThat(exists.reason(ROW, metadata)).as("the broker was slow").isNull();
		assertThat(unanswered.reason(ROW, metadata)).as("the broker is down").isNull();
	}

	@Test
	void whatAnOperatorFixesForEveryRowIsRetried() {
		Unpublishable unpublishable = new Unpublishable((topic) -> Optional.of(false));
		assertThat(unpublishable.reason(ROW, new NotEnoughReplicasException("1 of 2"))).isNull();
		assertThat(unpublishable.reason(ROW, new TopicAuthorizationException("denied"))).isNull();
		assertThat(unpublishable.reason(ROW, new IllegalStateException("producer closed"))).isNull();
	}

}
