package io.orderflow.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What a service writes to map its domain exceptions: only the handlers, ordered before
 * the platform's.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServiceProblems {

	@ExceptionHandler
	ProblemDetail ruleViolated(ContractController.RuleViolatedException ex) {
		return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "Rule violated",
				"The thing breaks a rule", List.of(new InvalidField("name", "is not allowed")));
	}

	@ExceptionHandler
	ErrorResponse ledgerUnavailable(ContractController.LedgerUnavailableException ex) {
		return new DependencyUnavailableException(ex);
	}

}
