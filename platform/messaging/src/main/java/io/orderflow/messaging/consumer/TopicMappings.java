package io.orderflow.messaging.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * How the records of each topic a listener subscribes to become domain commands of one
 * type, for a listener that takes several topics in one batch:
 *
 * <pre class="code">
 * TopicMappings&lt;StockCommand&gt; mappings = TopicMappings.of(Topics.ORDER_PLACED, inbound::reserveStock)
 *     .and(Topics.PAYMENT_FAILED, inbound::releaseStock);
 * </pre>
 *
 * @param <C> the command type every mapping yields (or a subtype of it)
 */
public final class TopicMappings<C> {

	private final Map<String, Function<@Nullable Object, ? extends Inbound<? extends C>>> byTopic;

	private TopicMappings(Map<String, Function<@Nullable Object, ? extends Inbound<? extends C>>> byTopic) {
		this.byTopic = byTopic;
	}

	/**
	 * @param <C> the command type
	 * @param topic a topic
	 * @param mapping how its record values become commands
	 * @return the mappings, so far of this one topic
	 */
	public static <C> TopicMappings<C> of(String topic,
			Function<@Nullable Object, ? extends Inbound<? extends C>> mapping) {
		return new TopicMappings<C>(new LinkedHashMap<>()).and(topic, mapping);
	}

	/**
	 * @param topic another topic
	 * @param mapping how its record values become commands
	 * @return these mappings and that one
	 */
	public TopicMappings<C> and(String topic, Function<@Nullable Object, ? extends Inbound<? extends C>> mapping) {
		Objects.requireNonNull(mapping, "mapping");
		Map<String, Function<@Nullable Object, ? extends Inbound<? extends C>>> copy = new LinkedHashMap<>(
				this.byTopic);
		if (copy.put(topic, mapping) != null) {
			throw new IllegalArgumentException("topic " + topic + " is mapped twice");
		}
		return new TopicMappings<>(copy);
	}

	/**
	 * @param topic the topic of a record, one of these
	 * @param value the record's decoded value
	 * @return the record's event
	 * @throws NonRetryableEventException when the topic has no mapping
	 */
	Inbound<? extends C> map(String topic, @Nullable Object value) {
		Function<@Nullable Object, ? extends Inbound<? extends C>> mapping = this.byTopic.get(topic);
		if (mapping == null) {
			throw new NonRetryableEventException("no mapping for topic " + topic);
		}
		return mapping.apply(value);
	}

}
