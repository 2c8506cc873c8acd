/**
 * The pages the authorization server serves besides Spring Authorization Server's
 * endpoints.
 */
@NullMarked
package io.orderflow.auth.web;

import org.jspecify.annotations.NullMarked;
