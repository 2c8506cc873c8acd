package io.orderflow.testsupport;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value made on first use and kept for the life of the JVM (a broker, a registry, a
 * database server the test classes share). A failed attempt keeps nothing: the next call
 * tries again.
 *
 * @param <T> the value type
 */
final class Once<T> {

	private final Supplier<T> maker;

	private volatile @Nullable T value;

	Once(Supplier<T> maker) {
		this.maker = maker;
	}

	T get() {
		T made = this.value;
		if (made == null) {
			synchronized (this) {
				made = this.value;
				if (made == null) {
					made = this.maker.get();
					this.value = made;
				}
			}
		}
		return made;
	}

}
