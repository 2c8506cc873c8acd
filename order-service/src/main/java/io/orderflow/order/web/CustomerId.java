package io.orderflow.order.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.order.PlaceOrder;
import io.orderflow.web.SafeText;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

/**
 * A customer id as the API accepts it, in a body or a query: {@link SafeText} of at most
 * {@value PlaceOrder#MAX_CUSTOMER_ID_LENGTH} characters, not blank, not starting or
 * ending with whitespace. Stricter than {@link PlaceOrder#CUSTOMER_ID_PATTERN}, which it
 * implies. Each part reports its own violation; a character that is not safe text is
 * reported once, by {@link SafeText}, wherever it is. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = {})
@SafeText(max = PlaceOrder.MAX_CUSTOMER_ID_LENGTH)
@Pattern(regexp = CustomerId.TRIMMED, message = "must not be blank or start or end with whitespace")
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface CustomerId {

	/**
	 * Not blank, no whitespace first or last; any character between (those
	 * {@link SafeText} refuses are refused there).
	 */
	String TRIMMED = "(?sU)\\S(?:.*\\S)?";

	String message() default "must be a customer id";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
