package io.orderflow.order;

import java.time.Duration;

import io.orderflow.service.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every saga ends: every {@code orderflow.orders.saga-deadline-check-interval}, the
 * orders still {@code PENDING} past {@code orderflow.orders.saga-deadline} are cancelled
 * ({@link OrderSaga#expireOverdue}), {@value #BATCH} per transaction, oldest first, until
 * none is due. An order whose saga step was lost (dead-lettered, say) would otherwise
 * stay pending for good, its stock reserved and its customer possibly charged; its
 * {@code OrderCancelled} makes inventory and payment compensate.
 * <p>
 * Safe with several instances of the service: each locks the orders it cancels and skips
 * those another holds ({@code FOR UPDATE SKIP LOCKED}), so they share the work and never
 * wait for each other or for the consumers. A run that fails (the database or the
 * registry is down) cancels nothing; the next run tries again.
 */
@Component
class SagaDeadline implements SchedulingConfigurer {

	/** Most orders cancelled in one transaction. */
	static final int BATCH = 100;

	private static final Logger logger = LoggerFactory.getLogger(SagaDeadline.class);

	private final OrderSaga saga;

	private final Duration interval;

	SagaDeadline(OrderSaga saga, OrderProperties properties) {
		this.saga = saga;
		this.interval = properties.sagaDeadlineCheckInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// the first look waits an interval too: not while the service is still starting
		registrar.addFixedDelayTask(new FixedDelayTask(this::expireOverdue, this.interval, this.interval));
	}

	/**
	 * Cancels every order due now, one batch per transaction.
	 * @return how many were cancelled
	 */
	int expireOverdue() {
		int total = 0;
		try {
			int cancelled;
			do {
				cancelled = this.saga.expireOverdue(BATCH);
				total += cancelled;
			}
			while (cancelled == BATCH);
		}
		catch (RuntimeException ex) {
			if (!TransientFailures.isTransient(ex) && !(ex instanceof OrderEventsUnavailableException)) {
				throw ex;
			}
			logger.warn("Orders past their saga deadline not cancelled, trying again in {}: {}", this.interval,
					String.valueOf(ex));
		}
		if (total > 0) {
			logger.info("Cancelled {} orders past their saga deadline", total);
		}
		return total;
	}

}
