package io.orderflow.payment.web;

import javax.sql.DataSource;

import io.orderflow.testsupport.AuthorizationServer;
import io.orderflow.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts API over HTTP against the real database: create, replace, read, 404. How
 * invalid input is answered is the web slice's ({@link AccountControllerTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.listener.auto-startup=false")
@RealInfrastructure
@DirtiesContext
class AccountsApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	RestClient client;

	@BeforeEach
	void client() {
		// as the operators' client: accounts:admin sets and reads every account
		this.client = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + AuthorizationServer.opsToken())
			.build();
	}

	@Test
	void opensAnAccountWith201AndReplacesItWith200() {
		Response created = put("dave", "{\"balanceMinor\":25000,\"currency\":\"EUR\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.headers().getLocation()).hasPath("/accounts/dave");
		assertThat(created.body().toString())
			.isEqualTo("{\"customerId\":\"dave\",\"balance\":{\"amountMinor\":25000,\"currency\":\"EUR\"}}");

		Response replaced = put("dave", "{\"balanceMinor\":0,\"currency\":\"USD\"}");
		assertThat(replaced.status()).isEqualTo(200);

		Response read = get("dave");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().toString())
			.isEqualTo("{\"customerId\":\"dave\",\"balance\":{\"amountMinor\":0,\"currency\":\"USD\"}}");
	}

	@Test
	void unknownAccountIsAProblemWith404() {
		Response response = get("nobody");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.body().get("title").asString()).isEqualTo("Account not found");
		assertThat(response.body().get("type").asString()).isEqualTo("https://orderflow.io/problems/account-not-found");
		// the customer is named by the instance; a detail never quotes the input
		assertThat(response.body().get("instance").asString()).isEqualTo("/accounts/nobody");
		assertThat(response.body().get("detail").asString()).isNotBlank().doesNotContain("nobody");
	}

	@Test
	void demoAccountsLoadIntoTheMigratedSchema() {
		new ResourceDatabasePopulator(new ClassPathResource("demo/accounts.sql")).execute(this.dataSource);
		new ResourceDatabasePopulator(new ClassPathResource("demo/accounts.sql")).execute(this.dataSource);

		assertThat(get("alice").body().get("balance").get("currency").asString()).isEqualTo("EUR");
		assertThat(get("bob").body().get("balance").get("amountMinor").asLong())
			.isLessThan(get("alice").body().get("balance").get("amountMinor").asLong());
		assertThat(get("carol").body().get("balance").get("currency").asString()).isEqualTo("USD");
	}

	private Response put(String customer, String json) {
		return this.client.put()
			.uri("/accounts/{customerId}", customer)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange((request, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
					JSON.readTree(response.bodyTo(String.class))));
	}

	private Response get(String customer) {
		return this.client.get()
			.uri("/accounts/{customerId}", customer)
			.exchange((request, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
					JSON.readTree(response.bodyTo(String.class))));
	}

	record Response(int status, HttpHeaders headers, JsonNode body) {

	}

}
