/**
 * Who calls, and what they may do: every service is an OAuth2 resource server that
 * accepts JWTs of the suite's authorization server
 * ({@link io.orderflow.web.security.WebSecurityAutoConfiguration}). A service states its
 * rules per path in {@link io.orderflow.web.security.ApiAuthorization} beans and reads
 * the caller in a handler as a {@link io.orderflow.web.security.Caller}; 401 and 403 are
 * problem details like every other error. {@code orderflow.security.enabled=false} turns
 * it all off, for experiments only.
 */
@NullMarked
package io.orderflow.web.security;

import org.jspecify.annotations.NullMarked;
