package io.orderflow.payment.web;

import java.util.Objects;

import io.orderflow.payment.account.AccountBalance;
import io.orderflow.payment.account.AccountService;
import io.orderflow.payment.account.AccountWrite;
import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.web.SafeText;
import io.orderflow.web.openapi.OpenApiAutoConfiguration;
import io.orderflow.web.security.Caller;
import io.orderflow.web.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Customer accounts: {@code PUT /accounts/{customerId}} opens an account (201) or
 * replaces its balance (200); {@code GET /accounts/{customerId}} shows it (404 when there
 * is none, or when it is another customer's and the caller is no accounts admin). A
 * customer id is {@link SafeText} of 1 to {@value CustomerId#MAX_LENGTH} characters, not
 * blank (400 otherwise).
 */
@RestController
@Tag(name = "accounts", description = "Customer accounts: the balances payments are taken from")
@RequestMapping("/accounts")
class AccountController {

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "Open an account or replace its balance (operators: accounts:admin)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = "application/json", examples = @ExampleObject(name = "example", value = """
							{"balanceMinor":100000,"currency":"EUR"}"""))))
	@ApiResponse(responseCode = "200", description = "Replaced")
	@ApiResponse(responseCode = "201", description = "Created",
			headers = @Header(name = "Location", description = "its URI"))
	@PutMapping("/{customerId}")
	ResponseEntity<AccountResponse> put(
			@PathVariable @NotBlank @SafeText(max = CustomerId.MAX_LENGTH) String customerId,
			@Valid @RequestBody AccountRequest request) {
		AccountBalance account = new AccountBalance(new CustomerId(customerId),
				new Money(Objects.requireNonNull(request.balanceMinor()), Objects.requireNonNull(request.currency())));
		AccountWrite write = this.accounts.put(account.customerId(), account.balance());
		AccountResponse body = AccountResponse.of(account);
		if (write == AccountWrite.CREATED) {
			return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri())
				.body(body);
		}
		return ResponseEntity.ok(body);
	}

	@Operation(summary = "An account's balance: the caller's own, or with accounts:admin any customer's")
	@ApiResponse(responseCode = "404", description = "No such account (or another customer's)", content = @Content(
			mediaType = "application/problem+json", schema = @Schema(ref = OpenApiAutoConfiguration.PROBLEM_REF),
			examples = @ExampleObject(name = "account-not-found",
					value = """
							{"type":"https://orderflow.io/problems/account-not-found","title":"Account not found","status":404,"detail":"There is no account for this customer"}""")))
	@GetMapping("/{customerId}")
	AccountResponse get(@PathVariable @NotBlank @SafeText(max = CustomerId.MAX_LENGTH) String customerId,
			Caller caller) {
		if (!caller.mayAccess(customerId, Scopes.ACCOUNTS_ADMIN)) {
			// as if there were none: whether another customer has an account is theirs to
			// know
			throw new AccountNotFoundException();
		}
		return this.accounts.find(new CustomerId(customerId))
			.map(AccountResponse::of)
			.orElseThrow(AccountNotFoundException::new);
	}

}
