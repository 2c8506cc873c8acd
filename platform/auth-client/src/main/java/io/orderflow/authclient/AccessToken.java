package io.orderflow.authclient;

import java.time.Instant;

/**
 * An access token and when it expires, as the token endpoint answered it.
 *
 * @param value the token, as sent in {@code Authorization: Bearer}
 * @param expiresAt when it expires: the time it was received plus {@code expires_in}
 */
record AccessToken(String value, Instant expiresAt) {

}
