package io.orderflow.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The annotated text is safe to accept at the edge: {@link #min()} to {@link #max()}
 * characters, counted in Unicode code points (as PostgreSQL counts {@code VARCHAR(n)} and
 * {@code length(text)}), none of which is
 * <ul>
 * <li>a control character (category Cc): {@code NUL}, the C0 controls, {@code DEL} and
 * the C1 controls such as {@code U+0085};</li>
 * <li>a format character (Cf): the bidi controls {@code U+202A}–{@code U+202E} and
 * {@code U+2066}–{@code U+2069}, the marks {@code U+200E}/{@code U+200F} and
 * {@code U+061C}, the zero-width characters {@code U+200B}–{@code U+200D} and
 * {@code U+2060}, the byte order mark {@code U+FEFF}, the soft hyphen, tag characters and
 * the like;</li>
 * <li>a line or paragraph separator ({@code U+2028}, {@code U+2029});</li>
 * <li>a surrogate that is not half of a pair;</li>
 * <li>a noncharacter ({@code U+FDD0}–{@code U+FDEF}, and the last two code points of
 * every plane, {@code U+FFFE}, {@code U+FFFF}, {@code U+1FFFE}, ...).</li>
 * </ul>
 * Such text cannot hide what it says (bidi and invisible characters), break a log line or
 * a header, or be cut in a database or a message. Spaces (including Unicode spaces such
 * as {@code U+3000}) and unassigned code points are allowed: whether text may be blank or
 * start or end with whitespace is for other constraints to say (e.g. {@code @NotBlank}).
 * <p>
 * {@code null} is valid (combine with {@code @NotNull}). The message is fixed text that
 * never quotes the value.
 */
@Documented
@Constraint(validatedBy = SafeText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeText {

	/** The message when {@link #min()} is 0. */
	String AT_MOST = "must be at most {max} characters without control, format or bidi characters";

	/** The message when {@link #min()} is more than 0. */
	String BETWEEN = "must be {min} to {max} characters without control, format or bidi characters";

	/**
	 * @return the message; by default {@value #AT_MOST}, or {@value #BETWEEN} when
	 * {@link #min()} is more than 0
	 */
	String message() default AT_MOST;

	/**
	 * @return the fewest code points, {@code >= 0}; 0 by default
	 */
	int min() default 0;

	/**
	 * @return the most code points, at least {@link #min()}
	 */
	int max();

	/**
	 * @return the validation groups
	 */
	Class<?>[] groups() default {};

	/**
	 * @return the payload
	 */
	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a {@link CharSequence} against its {@link SafeText}.
	 */
	class Validator implements ConstraintValidator<SafeText, CharSequence> {

		private int min;

		private int max;

		private boolean defaultMessageForRange;

		@Override
		public void initialize(SafeText constraint) {
			if (constraint.min() < 0 || constraint.max() < constraint.min()) {
				throw new IllegalArgumentException("@SafeText needs 0 <= min <= max, not min = " + constraint.min()
						+ ", max = " + constraint.max());
			}
			this.min = constraint.min();
			this.max = constraint.max();
			this.defaultMessageForRange = this.min > 0 && AT_MOST.equals(constraint.message());
		}

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			if (value == null || isSafe(value, this.min, this.max)) {
				return true;
			}
			if (this.defaultMessageForRange) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(BETWEEN).addConstraintViolation();
			}
			return false;
		}

		/**
		 * @param text any text
		 * @param min the fewest code points
		 * @param max the most code points
		 * @return whether the text has {@code min} to {@code max} code points, each of
		 * them {@linkplain #isSafe(int) safe}
		 */
		public static boolean isSafe(CharSequence text, int min, int max) {
			int length = text.length();
			int codePoints = 0;
			for (int i = 0; i < length; i++) {
				char c = text.charAt(i);
				int codePoint = c;
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					codePoint = Character.toCodePoint(c, text.charAt(++i));
				}
				if (++codePoints > max || !isSafe(codePoint)) {
					return false;
				}
			}
			return codePoints >= min;
		}

		/**
		 * @param codePoint a code point; a surrogate stands for an unpaired one
		 * @return whether it may appear in {@link SafeText}
		 */
		public static boolean isSafe(int codePoint) {
			return switch (Character.getType(codePoint)) {
				case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
						Character.SURROGATE ->
					false;
				default -> !isNoncharacter(codePoint);
			};
		}

		private static boolean isNoncharacter(int codePoint) {
			return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
		}

	}

}
