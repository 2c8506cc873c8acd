/**
 * Access tokens from the suite's authorization server for command-line tools and tests,
 * without a browser: {@link io.orderflow.authclient.TokenClient} runs the flows,
 * {@link io.orderflow.authclient.Tokens} keeps a token per client and subject until
 * shortly before it expires.
 */
@NullMarked
package io.orderflow.authclient;

import org.jspecify.annotations.NullMarked;
