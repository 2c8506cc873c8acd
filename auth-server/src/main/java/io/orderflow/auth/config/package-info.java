/**
 * The security filter chains and the password encoder.
 */
@NullMarked
package io.orderflow.auth.config;

import org.jspecify.annotations.NullMarked;
