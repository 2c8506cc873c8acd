package io.orderflow.order.messaging;

import io.orderflow.messaging.outbox.OutboxSchemaUnavailableException;
import io.orderflow.messaging.outbox.OutboxWriter;
import io.orderflow.order.OrderEvent;
import io.orderflow.order.OrderEvents;
import io.orderflow.order.OrderEventsUnavailableException;

import org.springframework.stereotype.Component;

/**
 * Order events into the outbox, in the caller's transaction; outbox-relay publishes them.
 */
@Component
class OutboxOrderEvents implements OrderEvents {

	private final OutboxWriter outbox;

	private final OutboundEventMapper mapper;

	OutboxOrderEvents(OutboxWriter outbox, OutboundEventMapper mapper) {
		this.outbox = outbox;
		this.mapper = mapper;
	}

	@Override
	public void append(OrderEvent event) {
		try {
			this.outbox.append(this.mapper.toOutbox(event));
		}
		catch (OutboxSchemaUnavailableException ex) {
			// the registry has not answered since the service started
			throw new OrderEventsUnavailableException("The schema registry is unavailable", ex);
		}
	}

}
