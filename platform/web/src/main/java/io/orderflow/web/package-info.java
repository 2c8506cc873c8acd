/**
 * The HTTP error contract of every Orderflow service, applied by
 * {@link io.orderflow.web.WebContractAutoConfiguration}: every error is an RFC 9457
 * problem detail with a stable {@code type} under {@value Problems#TYPE_BASE}, request
 * bodies are limited in size and read as strict JSON, and the text a service accepts is
 * {@link io.orderflow.web.SafeText}. A service declares its own problems with
 * {@link io.orderflow.web.Problems} and {@link io.orderflow.web.ProblemException};
 * {@link io.orderflow.web.DependencyUnavailableException} means "retry later".
 */
@NullMarked
package io.orderflow.web;

import org.jspecify.annotations.NullMarked;
