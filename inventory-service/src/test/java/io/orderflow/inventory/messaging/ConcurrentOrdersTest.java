package io.orderflow.inventory.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.orderflow.inventory.messaging.InventoryDatabase.StockLevel;
import io.orderflow.inventory.product.Sku;
import io.orderflow.inventory.reservation.RequestedLine;
import io.orderflow.inventory.reservation.ReserveStock;
import io.orderflow.inventory.reservation.ReservationService;
import io.orderflow.inventory.reservation.StockEvent;
import io.orderflow.inventory.reservation.StockReserved;
import io.orderflow.schemas.Topics;
import io.orderflow.schemas.avro.OrderLine;
import io.orderflow.schemas.avro.OrderPlaced;
import io.orderflow.schemas.avro.RejectedLine;
import io.orderflow.schemas.avro.StockRejected;
import io.orderflow.schemas.avro.StockRejectionReason;
import io.orderflow.service.OrderId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionOperations;

import static io.orderflow.testsupport.SagaEvents.orderPlaced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many orders competing for few units: exactly the available units are reserved, never
 * more, and every other order is rejected as a whole.
 */
@InventoryIntegrationTest
class ConcurrentOrdersTest extends SagaTestSupport {

	@Autowired
	ReservationService reservations;

	@Autowired
	TransactionOperations transactions;

	@Test
	void fiftyOrdersForTenUnitsOnAllPartitionsReserveExactlyTen() {
		String sku = stocked(10);
		List<UUID> orderIds = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			OrderPlaced order = orderPlaced(new OrderLine(sku, 1));
			orderIds.add(order.getOrderId());
			send(Topics.ORDER_PLACED, order.getOrderId(), order);
		}

		await().atMost(PROCESSING)
			.until(() -> this.outbox.countByType(orderIds).values().stream().mapToLong(Long::longValue).sum() == 50);

		assertThat(this.outbox.countByType(orderIds)).containsOnly(Map.entry("StockReserved", 10L),
				Map.entry("StockRejected", 40L));
		assertThat(this.database.stock(sku)).isEqualTo(new StockLevel(0, 10));
		assertThat(this.database.reservationStatuses(orderIds)).hasSize(50).filteredOn("RESERVED"::equals).hasSize(10);
		for (UUID orderId : orderIds) {
			if (this.outbox.forAggregate(orderId).get(0).payload() instanceof StockRejected rejected) {
				assertThat(rejected.getRejectedLines())
					.containsExactly(new RejectedLine(sku, 1, 0, StockRejectionReason.INSUFFICIENT_STOCK));
			}
		}
		assertThat(this.deadLetters.list(Topics.ORDER_PLACED))
			.filteredOn((letter) -> orderIds.contains(UUID.fromString(String.valueOf(letter.key()))))
			.isEmpty();
	}

	@Test
	void ordersRacingOnOverlappingProductsNeverOversellOrDeadlock() throws Exception {
		String a = stocked(10);
		String b = stocked(10);
		List<Callable<Optional<StockEvent>>> orders = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			// half lock a then b, half list b then a: the locks are still taken in SKU
			// order
			List<RequestedLine> lines = new ArrayList<>(
					List.of(new RequestedLine(new Sku(a), 1), new RequestedLine(new Sku(b), 1)));
			if (i % 2 == 1) {
				Collections.reverse(lines);
			}
			ReserveStock order = new ReserveStock(new OrderId(UUID.randomUUID()), "racer", lines);
			orders.add(() -> this.reservations.reserve(order));
		}

		List<StockEvent> outcomes = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Optional<StockEvent>> outcome : pool.invokeAll(orders)) {
				outcomes.add(outcome.get().orElseThrow());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(outcomes).filteredOn(StockReserved.class::isInstance).hasSize(10);
		assertThat(outcomes).filteredOn(io.orderflow.inventory.reservation.StockRejected.class::isInstance).hasSize(40);
		assertThat(this.database.stock(a)).isEqualTo(new StockLevel(0, 10));
		assertThat(this.database.stock(b)).isEqualTo(new StockLevel(0, 10));
	}

	/**
	 * As the consumer pipeline runs them: many orders per transaction, four batches at a
	 * time, over products listed in every order. Without the batch's first step (lock
	 * every product of the batch, in SKU order) one batch holding a while waiting for c
	 * and another holding c while waiting for a deadlock.
	 */
	@Test
	void batchesRacingOnOverlappingProductsNeverDeadlock() throws Exception {
		List<String> skus = List.of(stocked(1000), stocked(1000), stocked(1000));
		// each order asks for two of the three products; every pair, in either order
		int[][] pairs = { { 0, 1 }, { 1, 0 }, { 2, 0 }, { 0, 2 }, { 1, 2 }, { 2, 1 } };
		List<Callable<Integer>> batches = new ArrayList<>();
		for (int batch = 0; batch < 24; batch++) {
			List<ReserveStock> orders = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				int[] pair = pairs[(batch + i) % pairs.length];
				orders.add(new ReserveStock(new OrderId(UUID.randomUUID()), "racer",
						List.of(new RequestedLine(new Sku(skus.get(pair[0])), 1),
								new RequestedLine(new Sku(skus.get(pair[1])), 1))));
			}
			batches.add(() -> this.transactions.execute((status) -> {
				this.reservations.lockStockFor(orders);
				orders.forEach(this.reservations::reserve);
				return orders.size();
			}));
		}

		int reserved = 0;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (Future<Integer> batch : pool.invokeAll(batches)) {
				reserved += batch.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(reserved).isEqualTo(24 * 6);
		int units = skus.stream().mapToInt((sku) -> this.database.stock(sku).reserved()).sum();
		assertThat(units).as("two units per order").isEqualTo(24 * 6 * 2);
	}

}
