package io.orderflow.order.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.orderflow.order.Money;
import io.orderflow.order.OrderId;
import io.orderflow.order.OrderSaga;
import io.orderflow.order.SagaOutcome;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /orders/{id}?waitForChange=} and {@code ?waitForOutcome=}: the bounded
 * long-polls (for the next change, for a terminal status). A waiting request is answered
 * when a change of its order commits (signalled through PostgreSQL's {@code NOTIFY}, also
 * after the feed's connection was lost), at once when the client is behind or the order
 * is terminal, else at the end of the wait; the version is the entity tag.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class AwaitOrderChangeTest extends OrderApiTestSupport {

	/** Far longer than any answer that a change triggers takes. */
	private static final String LONG_WAIT = "?waitForChange=30s";

	@Autowired
	OrderSaga saga;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aWaitingRequestIsAnsweredWhenTheOrderMovesOnStepByStep() {
		OrderApi.Response placed = this.api.post(OrderJson.anOrder());
		assertThat(placed.header("ETag")).isEqualTo("\"0\"");
		String id = placed.json().get("id").asString();

		OrderApi.Response afterReservation = awaitedAcross(id, "\"0\"",
				new SagaOutcome.StockReserved(order(id), new Money(1500, "EUR"), Instant.now()));
		assertThat(afterReservation.status()).isEqualTo(200);
		assertThat(afterReservation.header("ETag")).isEqualTo("\"1\"");
		assertThat(afterReservation.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(afterReservation.json().get("total").get("amountMinor").asLong()).isEqualTo(1500);

		OrderApi.Response afterPayment = awaitedAcross(id, "\"1\"",
				new SagaOutcome.PaymentCompleted(order(id), new Money(1500, "EUR"), Instant.now()));
		assertAnswered(afterPayment, "\"2\"", "CONFIRMED");
	}

	@Test
	void withoutATagTheRequestWaitsForTheNextChangeFromWhenItArrived() {
		String id = place();

		CompletableFuture<OrderApi.Response> rejected = this.api.getAsync("/orders/" + id + "?waitForChange=30");
		assertStillWaiting(rejected);
		apply(new SagaOutcome.StockRejected(order(id), "out of stock", Instant.now()));

		OrderApi.Response response = answered(rejected);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(response.header("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void aClientBehindOrAskingAboutATerminalOrderIsAnsweredAtOnce() {
		String id = place();
		apply(new SagaOutcome.StockRejected(order(id), "out of stock", Instant.now()));

		OrderApi.Response behind = answered(this.api.getAsync("/orders/" + id + LONG_WAIT, "If-None-Match", "\"0\""));
		OrderApi.Response upToDate = answered(this.api.getAsync("/orders/" + id + LONG_WAIT, "If-None-Match", "\"1\""));
		OrderApi.Response untagged = answered(this.api.getAsync("/orders/" + id + LONG_WAIT));

		assertThat(behind.status()).isEqualTo(200);
		assertThat(behind.json().get("status").asString()).isEqualTo("REJECTED");
		// the client has the terminal state already: nothing more will come
		assertThat(upToDate.status()).isEqualTo(304);
		assertThat(upToDate.header("ETag")).isEqualTo("\"1\"");
		assertThat(upToDate.body()).isEmpty();
		assertThat(untagged.status()).isEqualTo(200);
		assertThat(untagged.json().get("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void whenNothingChangesTheWaitEndsWithNotModifiedOrTheOrderAsItStands() {
		String id = place();

		OrderApi.Response tagged = this.api.getAsync("/orders/" + id + "?waitForChange=1s", "If-None-Match", "\"0\"")
			.join();
		OrderApi.Response untagged = this.api.getAsync("/orders/" + id + "?waitForChange=1s").join();
		OrderApi.Response immediate = this.api.getAsync("/orders/" + id + "?waitForChange=0s", "If-None-Match", "\"0\"")
			.join();

		assertThat(tagged.status()).isEqualTo(304);
		assertThat(tagged.header("ETag")).isEqualTo("\"0\"");
		assertThat(untagged.status()).isEqualTo(200);
		assertThat(untagged.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(immediate.status()).isEqualTo(304);
	}

	@Test
	void aPlainReadCarriesTheTagAndAnswersNotModifiedForTheCurrentOne() {
		String id = place();

		OrderApi.Response read = this.api.get("/orders/" + id);
		OrderApi.Response same = this.api.getAsync("/orders/" + id, "If-None-Match", "\"0\"").join();
		OrderApi.Response weak = this.api.getAsync("/orders/" + id, "If-None-Match", "W/\"0\"").join();
		OrderApi.Response other = this.api.getAsync("/orders/" + id, "If-None-Match", "\"7\"").join();
		OrderApi.Response foreign = this.api.getAsync("/orders/" + id, "If-None-Match", "\"abc\"").join();

		assertThat(read.header("ETag")).isEqualTo("\"0\"");
		assertThat(same.status()).isEqualTo(304);
		assertThat(weak.status()).isEqualTo(304);
		assertThat(other.status()).isEqualTo(200);
		assertThat(foreign.status()).isEqualTo(200);
	}

	@Test
	void aWaitOutsideZeroToThirtySecondsIsABadRequestAndAnUnknownOrderIsNotFound() {
		String id = place();

		// no hex-only input: the problem's instance names the order, whose id could
		// contain it
		for (String wait : new String[] { "31s", "-1s", "5m", "soon", "" }) {
			OrderApi.Response response = this.api.getAsync("/orders/" + id + "?waitForChange=" + wait).join();
			assertThat(response.status()).as(wait).isEqualTo(400);
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
			if (!wait.isEmpty()) {
				assertThat(response.body()).as("the input is not echoed").doesNotContain(wait);
			}
		}
		OrderApi.Response unknown = this.api.getAsync("/orders/" + UUID.randomUUID() + LONG_WAIT).join();
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(this.api.getAsync("/orders/not-a-uuid" + LONG_WAIT).join().status()).isEqualTo(404);
	}

	@Test
	void aChangeIsStillHeardAfterTheFeedLostItsConnection() {
		String id = place();
		await().atMost(Duration.ofSeconds(30)).until(() -> feedBackends().size() == 1);
		List<Integer> before = feedBackends();
		CompletableFuture<OrderApi.Response> waiting = this.api.getAsync("/orders/" + id + LONG_WAIT, "If-None-Match",
				"\"0\"");
		assertStillWaiting(waiting);

		this.jdbc
			.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'order-change-feed' "
					+ "AND datname = current_database()")
			.query()
			.listOfRows();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> feedBackends().size() == 1 && !feedBackends().equals(before));
		// woken by the reconnection, the request read the order again and waits on
		assertStillWaiting(waiting);
		apply(new SagaOutcome.StockRejected(order(id), "out of stock", Instant.now()));

		assertThat(answered(waiting).json().get("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void aWaitForTheOutcomeIsAnsweredOnlyOnceTheStatusIsTerminal() {
		String id = place();
		CompletableFuture<OrderApi.Response> outcome = this.api.getAsync("/orders/" + id + "?waitForOutcome=30s",
				"If-None-Match", "\"0\"");
		assertStillWaiting(outcome);

		apply(new SagaOutcome.StockReserved(order(id), new Money(1500, "EUR"), Instant.now()));
		assertStillWaiting(outcome);
		apply(new SagaOutcome.PaymentCompleted(order(id), new Money(1500, "EUR"), Instant.now()));

		assertAnswered(answered(outcome), "\"2\"", "CONFIRMED");
	}

	@Test
	void aWaitForTheOutcomeOfATerminalOrderIsAnsweredAtOnceAndOtherwiseEndsWithTheOrderAsItStands() {
		String pending = place();
		String rejected = place();
		apply(new SagaOutcome.StockRejected(order(rejected), "out of stock", Instant.now()));

		OrderApi.Response terminal = answered(this.api.getAsync("/orders/" + rejected + "?waitForOutcome=30s"));
		OrderApi.Response untagged = this.api.getAsync("/orders/" + pending + "?waitForOutcome=1s").join();
		OrderApi.Response tagged = this.api
			.getAsync("/orders/" + pending + "?waitForOutcome=1", "If-None-Match", "\"0\"")
			.join();

		assertThat(terminal.status()).isEqualTo(200);
		assertThat(terminal.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(untagged.status()).isEqualTo(200);
		assertThat(untagged.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(tagged.status()).isEqualTo(304);
		assertThat(tagged.header("ETag")).isEqualTo("\"0\"");
		for (String wait : new String[] { "31s", "-1s", "soon" }) {
			OrderApi.Response response = this.api.getAsync("/orders/" + pending + "?waitForOutcome=" + wait).join();
			assertThat(response.status()).as(wait).isEqualTo(400);
			assertThat(response.body()).as("the input is not echoed").doesNotContain(wait);
		}
		assertThat(this.api.getAsync("/orders/" + UUID.randomUUID() + "?waitForOutcome=30s").join().status())
			.isEqualTo(404);
	}

	private List<Integer> feedBackends() {
		return this.jdbc
			.sql("SELECT pid FROM pg_stat_activity WHERE application_name = 'order-change-feed' "
					+ "AND datname = current_database()")
			.query(Integer.class)
			.list();
	}

	/**
	 * Asks for the order's next change after {@code tag}, checks that the request waits,
	 * applies the outcome, and returns the answer it brought.
	 */
	private OrderApi.Response awaitedAcross(String id, String tag, SagaOutcome outcome) {
		CompletableFuture<OrderApi.Response> request = this.api.getAsync("/orders/" + id + LONG_WAIT, "If-None-Match",
				tag);
		assertStillWaiting(request);
		apply(outcome);
		return answered(request);
	}

	private String place() {
		return this.api.post(OrderJson.anOrder()).json().get("id").asString();
	}

	private void apply(SagaOutcome outcome) {
		this.transactions.executeWithoutResult((status) -> this.saga.apply(outcome));
	}

	private static OrderId order(String id) {
		return new OrderId(UUID.fromString(id));
	}

	private static void assertAnswered(OrderApi.Response response, String tag, String status) {
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo(tag);
		assertThat(response.json().get("status").asString()).isEqualTo(status);
	}

	private static void assertStillWaiting(CompletableFuture<OrderApi.Response> request) {
		try {
			TimeUnit.MILLISECONDS.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		assertThat(request).as("the request waits while the order does not change").isNotDone();
	}

	private static OrderApi.Response answered(CompletableFuture<OrderApi.Response> request) {
		// well before the 30 s the request asked to wait: answered by the change, not the
		// end of the wait
		return request.orTimeout(15, TimeUnit.SECONDS).join();
	}

}
