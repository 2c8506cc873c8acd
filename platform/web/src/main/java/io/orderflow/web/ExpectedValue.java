package io.orderflow.web;

import java.math.BigInteger;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Says what a value of the wrong type should have been, by the Java type it was to
 * become; never by the value itself.
 */
final class ExpectedValue {

	private ExpectedValue() {
	}

	static String of(@Nullable Class<?> target) {
		if (target == null) {
			return "has an invalid value";
		}
		Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(target);
		if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == BigInteger.class) {
			return "must be a whole number";
		}
		if (Number.class.isAssignableFrom(type)) {
			return "must be a number";
		}
		if (type == Boolean.class) {
			return "must be true or false";
		}
		if (type == String.class || type == Character.class) {
			return "must be a string";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "must be an array";
		}
		if (type.isEnum() || type.getName().startsWith("java.")) {
			// UUID, Currency, time types, enums: the right type, but not a value of it
			return "has an invalid value";
		}
		return "must be an object";
	}

}
