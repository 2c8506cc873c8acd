package io.orderflow.relay.outbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.orderflow.relay.outbox.OutboxDatabase.Appended;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many aggregates, each appending a sequence of events the way a service does (one
 * transaction per event, the aggregate's row locked first), from a few writer threads in
 * the background; and the check that a topic holds every event, each aggregate's in the
 * order appended.
 */
final class AggregateStreams implements AutoCloseable {

	private final List<String> aggregates;

	private final Map<String, Map<Integer, String>> appended = new ConcurrentHashMap<>();

	private final AtomicInteger count = new AtomicInteger();

	private final ExecutorService writers;

	private final List<Future<?>> writes = new ArrayList<>();

	/**
	 * Starts appending {@code aggregates x eventsEach} events, round-robin over the
	 * aggregates.
	 * @param database the service database
	 * @param topic the events' topic
	 * @param aggregates how many aggregates
	 * @param eventsEach events per aggregate
	 * @param threads writer threads
	 */
	AggregateStreams(OutboxDatabase database, String topic, int aggregates, int eventsEach, int threads) {
		this.aggregates = IntStream.range(0, aggregates).mapToObj((i) -> UUID.randomUUID().toString()).toList();
		this.writers = Executors.newFixedThreadPool(threads);
		// the first one alone: it registers the topic's schema, which the registry's
		// storage does not like to do for several writers at once
		append(database, topic, this.aggregates.get(0));
		for (int i = 1; i < aggregates * eventsEach; i++) {
			String aggregate = this.aggregates.get(i % aggregates);
			this.writes.add(this.writers.submit(() -> append(database, topic, aggregate)));
		}
	}

	private void append(OutboxDatabase database, String topic, String aggregate) {
		Appended event = database.appendForAggregate(aggregate,
				(version) -> Events.orderPlaced(topic, aggregate, version));
		this.appended.computeIfAbsent(aggregate, (key) -> Collections.synchronizedMap(new TreeMap<>()))
			.put(event.version(), event.eventId());
		this.count.incrementAndGet();
	}

	/**
	 * @return events appended (committed) so far
	 */
	int appended() {
		return this.count.get();
	}

	/**
	 * Waits until every event is appended.
	 * @throws Exception when an append failed
	 */
	void awaitAppended() throws Exception {
		for (Future<?> write : this.writes) {
			write.get();
		}
	}

	/**
	 * @return the ids of every appended event
	 */
	List<String> eventIds() {
		return this.appended.values().stream().flatMap((events) -> events.values().stream()).toList();
	}

	/**
	 * Asserts that the records hold every appended event and that each aggregate's first
	 * occurrences are in the order its events were appended.
	 * @param topic the topic's records (records of other aggregates are left out)
	 * @return records of these aggregates beyond the first occurrence of each event
	 * (duplicates)
	 */
	int assertCompleteAndInOrder(List<ConsumerRecord<String, Object>> topic) {
		Set<String> ours = Set.copyOf(this.aggregates);
		List<ConsumerRecord<String, Object>> records = topic.stream()
			.filter((record) -> ours.contains(record.key()))
			.toList();
		assertThat(TopicReader.eventIds(records)).containsAll(eventIds());
		Map<String, List<String>> firstOccurrences = TopicReader.firstOccurrencesByKey(records);
		assertThat(firstOccurrences.keySet()).containsExactlyInAnyOrderElementsOf(this.aggregates);
		for (String aggregate : this.aggregates) {
			assertThat(firstOccurrences.get(aggregate)).as("events of aggregate %s", aggregate)
				.containsExactlyElementsOf(this.appended.get(aggregate).values());
		}
		return records.size() - eventIds().size();
	}

	@Override
	public void close() {
		this.writers.shutdownNow();
	}

}
