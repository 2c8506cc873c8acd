package io.orderflow.payment.web;

import java.util.Objects;

import io.orderflow.payment.account.AccountBalance;
import io.orderflow.payment.account.AccountService;
import io.orderflow.payment.account.AccountWrite;
import io.orderflow.payment.account.CustomerId;
import io.orderflow.payment.account.Money;
import io.orderflow.web.SafeText;
import io.orderflow.web.security.Caller;
import io.orderflow.web.security.Scopes;
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
@RequestMapping("/accounts")
class AccountController {

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

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
