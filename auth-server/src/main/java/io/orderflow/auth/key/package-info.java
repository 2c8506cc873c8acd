/**
 * The keys that sign the access tokens, and their rotation.
 */
@NullMarked
package io.orderflow.auth.key;

import org.jspecify.annotations.NullMarked;
