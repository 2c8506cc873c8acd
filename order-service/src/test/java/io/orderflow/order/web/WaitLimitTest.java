package io.orderflow.order.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under a backlog the long-poll sheds load instead of exhausting the heap: at most
 * {@code orderflow.orders.max-waiting-requests} requests wait at a time; one more is
 * answered at once with 503 {@code service-unavailable} and {@code Retry-After}, and once
 * a wait has ended a new one is accepted again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "orderflow.orders.max-waiting-requests=2")
@RealInfrastructure
class WaitLimitTest extends OrderApiTestSupport {

	@Test
	void beyondTheLimitAWaitIsRefusedWithRetryAfterUntilAWaitEnds() throws Exception {
		String id = this.api.post(OrderJson.anOrder()).json().get("id").asString();
		String path = "/orders/" + id + "?waitForChange=";
		List<CompletableFuture<OrderApi.Response>> waiting = List.of(this.api.getAsync(path + "3s"),
				this.api.getAsync(path + "3s"));
		TimeUnit.MILLISECONDS.sleep(500);
		assertThat(waiting).as("both wait: the order does not change").noneMatch(CompletableFuture::isDone);

		OrderApi.Response refused = this.api.getAsync(path + "3s").get(2, TimeUnit.SECONDS);
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).as("a backlog: ask again in seconds, not at once").isEqualTo("5");
		assertThat(refused.json().get("type").asString())
			.isEqualTo("https://orderflow.io/problems/service-unavailable");
		assertThat(this.api.get("/orders/" + id).status()).as("a plain read is never refused").isEqualTo(200);

		for (CompletableFuture<OrderApi.Response> wait : waiting) {
			assertThat(wait.get(10, TimeUnit.SECONDS).status()).as("answered at the end of its wait").isEqualTo(200);
		}
		assertThat(this.api.getAsync(path + "0s").get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
	}

}
