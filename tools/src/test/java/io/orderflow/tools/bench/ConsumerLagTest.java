package io.orderflow.tools.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {

	@Test
	void sumsTheLagOfTheServicesGroupsOverTheirPartitionsAndIgnoresOtherGroupsAndMetrics() {
		String metrics = """
				# HELP kafka_consumergroup_lag Records not yet consumed
				# TYPE kafka_consumergroup_lag gauge
				kafka_consumergroup_lag{application="outbox-relay",consumergroup="inventory-service",partition="0",topic="orders.order-placed.v1"} 12.0
				kafka_consumergroup_lag{application="outbox-relay",consumergroup="inventory-service",partition="1",topic="orders.order-confirmed.v1"} 3.0
				kafka_consumergroup_lag{application="outbox-relay",consumergroup="order-service",partition="2",topic="payments.payment-completed.v1"} 0.0
				kafka_consumergroup_lag{application="outbox-relay",consumergroup="payment-service",partition="0",topic="inventory.stock-reserved.v1"} 5.0
				kafka_consumergroup_lag{application="outbox-relay",consumergroup="orderflow-dlt-tool",partition="0",topic="orders.order-placed.v1.dlt"} 40.0
				kafka_consumergroup_lag_max{application="outbox-relay",consumergroup="inventory-service"} 99.0
				outbox_backlog{application="outbox-relay",source="order"} 7.0
				""";

		assertThat(ConsumerLag.total(metrics)).isEqualTo(20);
	}

	@Test
	void noLagRowsIsNoLag() {
		assertThat(ConsumerLag.total("# no metrics yet\n")).isZero();
	}

}
