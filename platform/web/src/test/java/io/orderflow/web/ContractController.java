package io.orderflow.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller with every kind of input and failure a service has.
 */
@RestController
class ContractController {

	/** What every failure message below contains; no response may. */
	static final String SECRET = "s3cret-internal-state";

	@PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Thing create(@Valid @RequestBody Thing thing) {
		if ("forbidden".equals(thing.name())) {
			throw new RuleViolatedException();
		}
		return thing;
	}

	@GetMapping("/things")
	List<Thing> list(@RequestParam @SafeText(max = 50) String owner,
			@RequestParam(defaultValue = "20") @Range(min = 1, max = 100) int size,
			@RequestHeader(name = "Tenant", required = false) @Pattern(regexp = "[a-z]+",
					message = "must be lower-case letters") @Nullable String tenant) {
		return List.of(new Thing(owner, size, null, List.of()));
	}

	/**
	 * Query parameters bound to an object.
	 */
	@GetMapping("/things/search")
	List<Thing> search(@Valid Search search) {
		return List.of();
	}

	@GetMapping("/things/{id}")
	Thing get(@PathVariable String id, @RequestHeader("Tenant") String tenant) {
		throw new ProblemException(HttpStatus.NOT_FOUND, "thing-not-found", "Thing not found",
				"There is no thing with this id");
	}

	@GetMapping("/things/{id}/parts")
	List<Part> parts(@PathVariable("id") @Pattern(regexp = "[0-9]+", message = "must be digits") String thing,
			@CookieValue(name = "Region", required = false) @Pattern(regexp = "[a-z]{2}",
					message = "must be two lower-case letters") @Nullable String region,
			@Range(min = 0, max = 5) @Nullable Integer depth) {
		return List.of();
	}

	/**
	 * Who the caller is, as a handler sees it.
	 */
	@GetMapping("/whoami")
	java.util.Map<String, Object> whoami(io.orderflow.web.security.Caller caller) {
		return new java.util.TreeMap<>(java.util.Map.of("subject", caller.id().orElse(""), "scopes",
				caller.scopes().stream().sorted().toList(), "secured", caller.secured()));
	}

	/**
	 * Needs the {@code things:admin} scope ({@link ContractTestApplication}).
	 */
	@GetMapping("/admin/things")
	List<Thing> adminList() {
		return List.of();
	}

	@GetMapping("/failures/{kind}")
	void fail(@PathVariable String kind) {
		throw switch (kind) {
			case "integrity" -> new DataIntegrityViolationException("duplicate key " + SECRET);
			case "lock-timeout" -> new CannotAcquireLockException("canceling statement due to lock timeout " + SECRET);
			case "pessimistic" -> new PessimisticLockingFailureException(SECRET);
			case "optimistic" -> new OptimisticLockingFailureException(SECRET);
			case "no-transaction" -> new CannotCreateTransactionException("Could not open connection " + SECRET);
			case "resource-failure" -> new DataAccessResourceFailureException(SECRET);
			case "query-timeout" -> new QueryTimeoutException(SECRET);
			case "recoverable" -> new RecoverableDataAccessException(SECRET);
			case "dependency" -> new DependencyUnavailableException(new IllegalStateException(SECRET));
			case "domain-dependency" -> new LedgerUnavailableException();
			// untranslated, as Hibernate or a pool may throw them: judged as Spring would
			case "refused-connection" -> new IllegalStateException("flush failed",
					new java.sql.SQLException("Connection to 127.0.0.1:5432 refused " + SECRET, "08001"));
			case "pool-timeout" -> new RuntimeException(new java.sql.SQLTransientConnectionException(
					"HikariPool-1 - Connection is not available " + SECRET, "08003"));
			case "server-shutdown" -> new IllegalStateException(new java.sql.SQLException(
					"terminating connection due to administrator command " + SECRET, "57P01"));
			case "rollback-on-closed-connection" -> new IllegalStateException(
					"Unable to rollback against JDBC Connection", new java.sql.SQLException("Connection is closed"));
			case "sql-bug" -> new IllegalStateException(
					new java.sql.SQLException("column \"nope\" does not exist " + SECRET, "42703"));
			default -> new IllegalStateException(SECRET);
		};
	}

	/**
	 * @param name a name
	 * @param quantity whole units
	 * @param amountMinor money in minor units
	 * @param parts its parts
	 */
	record Thing(@NotBlank @SafeText(max = 50) @Nullable String name,
			@NotNull @Range(min = 1, max = 1000) @Nullable Integer quantity, @Nullable Long amountMinor,
			@Nullable List<@NotNull @Valid Part> parts) {

	}

	/**
	 * @param page a page number
	 * @param text text to look for
	 */
	record Search(@Range(min = 0, max = 9) @Nullable Integer page, @SafeText(max = 50) @Nullable String text) {

	}

	/**
	 * @param sku the part's SKU
	 */
	record Part(@NotBlank @Nullable String sku) {

	}

	/** A domain rule the service maps to 422 in its own advice. */
	static class RuleViolatedException extends RuntimeException {

		RuleViolatedException() {
			super("rule violated: " + SECRET);
		}

	}

	/** A domain exception the service maps to "a dependency is down". */
	static class LedgerUnavailableException extends RuntimeException {

		LedgerUnavailableException() {
			super("ledger down: " + SECRET);
		}

	}

}
