/**
 * Where the server keeps its authorizations (codes, the tokens it issued) between
 * requests.
 */
@NullMarked
package io.orderflow.auth.authorization;

import org.jspecify.annotations.NullMarked;
