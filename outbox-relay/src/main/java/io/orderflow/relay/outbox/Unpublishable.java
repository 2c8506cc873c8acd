package io.orderflow.relay.outbox;

import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/**
 * Tells a row that can never be published as it is from a broker that fails for now. A
 * row is unpublishable when the broker (or the producer, on its behalf) refuses the
 * record itself:
 * <ul>
 * <li>it is larger than the producer's {@code max.request.size} or the topic's
 * {@code max.message.bytes} ({@link RecordTooLargeException},
 * {@link RecordBatchTooLargeException});</li>
 * <li>its topic name is invalid ({@link InvalidTopicException}) or the broker refuses the
 * record as invalid ({@link InvalidRecordException});</li>
 * <li>its topic does not exist: the send timed out waiting for the topic's metadata, or
 * the broker said so, and the broker, asked directly, answers that there is no such topic
 * (a broker that does not answer is a broker that is down, not a missing topic).</li>
 * </ul>
 * Everything else (broker down, leader elections, not enough in-sync replicas, timeouts,
 * authorization, which an operator fixes for every row at once) is retried.
 */
final class Unpublishable {

	private final Function<String, Optional<Boolean>> topicExists;

	/**
	 * @param topicExists asks the broker whether a topic exists; empty when it did not
	 * answer
	 */
	Unpublishable(Function<String, Optional<Boolean>> topicExists) {
		this.topicExists = topicExists;
	}

	/**
	 * @param row the row whose send failed
	 * @param failure why
	 * @return why the row can never be published, or {@code null} when it may be later
	 */
	@Nullable String reason(OutboxRow row, Exception failure) {
		if (failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
				|| failure instanceof InvalidTopicException || failure instanceof InvalidRecordException) {
			return failure.toString();
		}
		if ((failure instanceof TimeoutException || failure instanceof UnknownTopicOrPartitionException)
				&& this.topicExists.apply(row.topic()).filter((exists) -> !exists).isPresent()) {
			return "topic " + row.topic() + " does not exist (" + failure + ")";
		}
		return null;
	}

}
