package io.orderflow.payment.web;

import io.orderflow.payment.account.AccountService;
import io.orderflow.testsupport.Callers;
import io.orderflow.testsupport.ProblemResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Who may call the account API ({@link AccountAuthorization}, {@link AccountController}):
 * only {@code accounts:admin} sets a balance or reads any account; a customer reads their
 * own, and another customer's account is answered as if there were none. A request that
 * passes reaches the account service, a mock that answers as if the database were down
 * (503); one that does not never reaches it.
 */
@WebMvcTest(AccountController.class)
@Import(AccountAuthorization.class)
class AccountAuthorizationTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AccountService accounts;

	@BeforeEach
	void databaseDown() {
		given(this.accounts.put(any(), any())).willThrow(new CannotCreateTransactionException("down"));
		given(this.accounts.find(any())).willThrow(new CannotCreateTransactionException("down"));
	}

	@Test
	void aCustomerReadsTheirOwnAccount() throws Exception {
		assertThat(status(get("/accounts/alice").with(Callers.customer("alice")))).isEqualTo(503);
	}

	@Test
	void anotherCustomersAccountIsNotFoundAndNotLookedUp() throws Exception {
		org.mockito.Mockito.reset(this.accounts);

		ProblemResponse response = ProblemResponse.perform(this.mvc,
				get("/accounts/bob").with(Callers.customer("alice")));

		response.assertProblem(404, "account-not-found");
		verifyNoInteractions(this.accounts);
	}

	@Test
	void aCustomerMayNotSetABalanceNotEvenTheirOwn() throws Exception {
		assertThat(status(setBalance("alice").with(Callers.customer("alice")))).isEqualTo(403);
	}

	@Test
	void theAccountsAdminSetsAndReadsAnyAccount() throws Exception {
		assertThat(status(setBalance("bob").with(Callers.withScopes("orderflow-ops", "accounts:admin"))))
			.isEqualTo(503);
		assertThat(status(get("/accounts/bob").with(Callers.withScopes("orderflow-ops", "accounts:admin"))))
			.isEqualTo(503);
	}

	@Test
	void otherAdminScopesMayNotSetABalance() throws Exception {
		assertThat(status(setBalance("bob").with(Callers.withScopes("orderflow-ops", "catalog:admin", "orders:admin"))))
			.isEqualTo(403);
	}

	@Test
	void withoutATokenNothingIsAnswered() throws Exception {
		org.mockito.Mockito.reset(this.accounts);

		assertThat(status(get("/accounts/alice"))).isEqualTo(401);
		assertThat(status(setBalance("alice"))).isEqualTo(401);
		verifyNoInteractions(this.accounts);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder setBalance(
			String customer) {
		return put("/accounts/" + customer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"balanceMinor\":1000,\"currency\":\"EUR\"}");
	}

	private int status(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
