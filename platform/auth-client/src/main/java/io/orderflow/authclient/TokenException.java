package io.orderflow.authclient;

/**
 * The authorization server gave no token: it refused the credentials (user name and
 * password, or client secret), refused the request, or answered a step of the flow
 * unexpectedly. The message names the step, the URL and the status, never a password or a
 * secret.
 */
public class TokenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	TokenException(String message, int status) {
		super(message);
		this.status = status;
	}

	TokenException(String message, Throwable cause) {
		super(message, cause);
		this.status = 0;
	}

	/**
	 * @return the HTTP status of the answer that ended the flow, or {@code 0} when there
	 * was no answer (the server could not be reached)
	 */
	public int status() {
		return this.status;
	}

}
