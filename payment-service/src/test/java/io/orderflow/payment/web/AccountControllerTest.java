package io.orderflow.payment.web;

import java.util.Map;
import java.util.stream.Stream;

import io.orderflow.payment.account.AccountService;
import io.orderflow.payment.account.AccountWrite;
import io.orderflow.testsupport.Callers;
import io.orderflow.testsupport.ProblemResponse;
import io.orderflow.testsupport.UnsafeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * How the accounts API answers invalid input and failing dependencies: the platform's
 * problem details, as every service answers them. A slice of the web layer; the accounts
 * are a mock.
 */
@WebMvcTest(AccountController.class)
@Import(Callers.Operator.class)
class AccountControllerTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String VALID = "{\"balanceMinor\":100,\"currency\":\"EUR\"}";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AccountService accounts;

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("invalidAccounts")
	void rejectsInvalidAccountsNamingTheField(String body, String field) throws Exception {
		ProblemResponse response = put("erin", body);

		response.assertProblem(400, "invalid-request");
		assertThat(response.body().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.as(response.raw())
			.containsExactly(field);
		assertThat(response.body().get("errors").get(0).get("message").asString()).isNotBlank();
		verifyNoInteractions(this.accounts);
	}

	static Stream<Arguments> invalidAccounts() {
		return Stream.of(Arguments.of("{\"balanceMinor\":-1,\"currency\":\"EUR\"}", "balanceMinor"),
				Arguments.of("{\"currency\":\"EUR\"}", "balanceMinor"),
				Arguments.of("{\"balanceMinor\":12.5,\"currency\":\"EUR\"}", "balanceMinor"),
				Arguments.of("{\"balanceMinor\":\"100\",\"currency\":\"EUR\"}", "balanceMinor"),
				Arguments.of("{\"balanceMinor\":100}", "currency"),
				Arguments.of("{\"balanceMinor\":100,\"currency\":\"eur\"}", "currency"),
				Arguments.of("{\"balanceMinor\":100,\"currency\":\"XYZ\"}", "currency"),
				Arguments.of("{\"balanceMinor\":100,\"currency\":\"EURO\"}", "currency"));
	}

	static Stream<Arguments> unsafeOrOutOfBounds() {
		Stream<Arguments> unsafe = UnsafeText.samples().stream().flatMap((sample) -> {
			String currency = sample.within("EUR");
			String customer = sample.within("erin");
			Stream<Arguments> currencies = Stream
				.of(arguments(sample + " in currency", "erin", account(100, currency), "currency", currency));
			// NUL in a path: see nulInThePathIsRefusedBeforeTheController
			return sample.character().equals("\u0000") ? currencies : Stream.concat(currencies, Stream
				.of(arguments(sample + " in customerId", customer, account(100, "EUR"), "customerId", customer)));
		});
		return Stream.concat(unsafe, Stream.of(
				arguments("balance over the bound", "erin", account(AccountRequest.MAX_BALANCE_MINOR + 1, "EUR"),
						"balanceMinor", String.valueOf(AccountRequest.MAX_BALANCE_MINOR + 1)),
				arguments("balance of the largest long", "erin", account(Long.MAX_VALUE, "EUR"), "balanceMinor",
						String.valueOf(Long.MAX_VALUE)),
				arguments("customerId of 101 code points", "\uD83D\uDE00".repeat(101), account(100, "EUR"),
						"customerId", "\uD83D\uDE00".repeat(101))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeOrOutOfBounds")
	void refusesUnsafeTextAndValuesOutOfBoundsNamingTheFieldWithoutEchoingThem(String description, String customer,
			String body, String field, String sent) throws Exception {
		ProblemResponse response = put(customer, body);

		response.assertProblem(400, "invalid-request");
		assertThat(response.body().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.as(response.raw())
			.containsExactly(field);
		// the instance is the path as sent (percent-encoded); nothing else quotes it
		UnsafeText.assertNotEchoed(response.withoutInstance(), sent);
		UnsafeText.assertNotEchoed(response.raw(),
				UnsafeText.samples()
					.stream()
					.map(UnsafeText.Sample::character)
					.filter(sent::contains)
					.toArray(String[]::new));
		verifyNoInteractions(this.accounts);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unsafeSamples")
	void refusesToReadAnAccountOfAnUnsafeCustomerIdNamingIt(UnsafeText.Sample unsafe) throws Exception {
		String customer = unsafe.within("erin");

		ProblemResponse response = ProblemResponse.perform(this.mvc,
				MockMvcRequestBuilders.get("/accounts/{customerId}", customer));

		response.assertProblem(400, "invalid-request");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
		UnsafeText.assertNotEchoed(response.raw(), customer, unsafe.character());
		verifyNoInteractions(this.accounts);
	}

	static Stream<UnsafeText.Sample> unsafeSamples() {
		return UnsafeText.samples().stream().filter((unsafe) -> !unsafe.character().equals("\u0000"));
	}

	@Test
	void nulInThePathIsRefusedBeforeTheController() throws Exception {
		// the firewall refuses %00 in a path (as the container does in front of it)
		ProblemResponse response = put("er\u0000in", VALID);

		assertThat(response.status()).isEqualTo(400);
		UnsafeText.assertNotEchoed(response.raw(), "er\u0000in");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void acceptsABalanceAtItsBound() throws Exception {
		given(this.accounts.put(any(), any())).willReturn(AccountWrite.CREATED);

		ProblemResponse response = put("erin", account(AccountRequest.MAX_BALANCE_MINOR, "EUR"));

		assertThat(response.status()).as(response.raw()).isEqualTo(201);
		assertThat(response.body().get("balance").get("amountMinor").asLong())
			.isEqualTo(AccountRequest.MAX_BALANCE_MINOR);
	}

	@Test
	void moneyIsAWholeNumberOfMinorUnits() throws Exception {
		for (String amount : new String[] { "12.5", "\"1250\"" }) {
			ProblemResponse response = put("erin", "{\"balanceMinor\":" + amount + ",\"currency\":\"EUR\"}");

			response.assertProblem(400, "invalid-request");
			assertThat(response.body().get("errors").get(0).get("message").asString())
				.isEqualTo("must be a whole number");
		}
	}

	@Test
	void rejectsATooLongCustomerIdNamingIt() throws Exception {
		ProblemResponse response = put("c".repeat(101), VALID);

		response.assertProblem(400, "invalid-request");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
		UnsafeText.assertNotEchoed(response.withoutInstance(), "c".repeat(101));
		verifyNoInteractions(this.accounts);
	}

	@Test
	void rejectsMalformedJsonWithoutAStackTrace() throws Exception {
		ProblemResponse response = put("frank", "{\"balanceMinor\":");

		response.assertProblem(400, "malformed-json");
		assertThat(response.body().get("title").asString()).isEqualTo("Malformed JSON");
		assertThat(response.body().toString()).doesNotContain("Exception", "at io.", "trace");
	}

	@Test
	void unknownPropertiesAreRefused() throws Exception {
		ProblemResponse response = put("erin", "{\"balanceMinor\":100,\"currency\":\"EUR\",\"overdraftMinor\":5000}");

		response.assertProblem(400, "unknown-property");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("overdraftMinor");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void bodyOver64KiBIsPayloadTooLarge() throws Exception {
		String large = "{\"balanceMinor\":100,\"currency\":\"EUR\",\"padding\":\"" + "x".repeat(64 * 1024) + "\"}";

		ProblemResponse.assertPutTooLarge(this.mvc, large, "/accounts/{customerId}", "erin");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void bodyThatIsNotJsonIsUnsupportedMediaType() throws Exception {
		ProblemResponse response = ProblemResponse.perform(this.mvc,
				MockMvcRequestBuilders.put("/accounts/{customerId}", "erin")
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("balanceMinor=100&currency=EUR"));

		response.assertProblem(415, "unsupported-media-type");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void unreachableDatabaseIsServiceUnavailableWithRetryAfter() throws Exception {
		given(this.accounts.put(any(), any())).willThrow(new CannotCreateTransactionException("Connection refused"));
		given(this.accounts.find(any())).willThrow(new CannotCreateTransactionException("Connection refused"));

		for (ProblemResponse response : new ProblemResponse[] { put("erin", VALID),
				ProblemResponse.perform(this.mvc, MockMvcRequestBuilders.get("/accounts/erin")) }) {
			response.assertProblem(503, "service-unavailable");
			assertThat(response.header("Retry-After")).isEqualTo("1");
			assertThat(response.raw()).doesNotContain("Connection refused");
		}
	}

	@Test
	void concurrentChangeIsAConflictToRetry() throws Exception {
		given(this.accounts.put(any(), any())).willThrow(new PessimisticLockingFailureException("could not lock row"));

		ProblemResponse response = put("erin", VALID);

		response.assertProblem(409, "conflict");
		assertThat(response.body().get("detail").asString()).contains("retry");
		assertThat(response.raw()).doesNotContain("could not lock");
	}

	private static String account(long balanceMinor, String currency) {
		return JSON.writeValueAsString(Map.of("balanceMinor", balanceMinor, "currency", currency));
	}

	private ProblemResponse put(String customer, String json) throws Exception {
		return ProblemResponse.perform(this.mvc,
				MockMvcRequestBuilders.put("/accounts/{customerId}", customer)
					.contentType(MediaType.APPLICATION_JSON)
					.content(json));
	}

}
