/**
 * The users who log in: the demo customers and the load generator's.
 */
@NullMarked
package io.orderflow.auth.user;

import org.jspecify.annotations.NullMarked;
