package io.orderflow.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the authorization server ({@code orderflow.auth.*}). The two secrets have
 * no default anywhere: they come from the environment ({@code ORDERFLOW_AUTH_OPS_SECRET},
 * {@code ORDERFLOW_AUTH_DEMO_PASSWORD}) or from secret files of those property names in
 * {@code ORDERFLOW_SECRETS_DIR}, and the server does not start without them.
 *
 * @param opsSecret the secret of the operations client {@code orderflow-ops}; required,
 * stored only bcrypt-encoded
 * @param demoPassword the password of every demo and load user; required
 * @param users the demo customers (default alice, bob, carol)
 * @param loadUsers how many load users, {@code load-1} to {@code load-N}, there are
 * (default 32, may be 0)
 * @param signingKeys a directory of PKCS#8 PEM RSA private keys ({@code *.pem}); the file
 * whose name sorts last signs, all are published; {@code null}: one key generated at
 * startup, so tokens do not survive a restart
 * @param cliRedirectUri the redirect URI of the command-line client {@code orderflow-cli}
 * @param cliAccessTokenTimeToLive how long an access token of {@code orderflow-cli} is
 * valid (default 30 minutes)
 */
@ConfigurationProperties("orderflow.auth")
@Validated
public record AuthProperties(
		@NotBlank(message = "is required: set ORDERFLOW_AUTH_OPS_SECRET or the secret file "
				+ "orderflow.auth.ops-secret in ORDERFLOW_SECRETS_DIR") String opsSecret,
		@NotBlank(message = "is required: set ORDERFLOW_AUTH_DEMO_PASSWORD or the secret file "
				+ "orderflow.auth.demo-password in ORDERFLOW_SECRETS_DIR") String demoPassword,
		@DefaultValue( {
				"alice", "bob", "carol" }) @NotNull List<@NotBlank String> users,
		@DefaultValue("32") @PositiveOrZero int loadUsers, @Nullable Path signingKeys,
		@DefaultValue("http://127.0.0.1:8084/authorized") URI cliRedirectUri,
		@DefaultValue("30m") Duration cliAccessTokenTimeToLive){

	/**
	 * @return the settings without the secrets, which must not reach a log
	 */
	@Override
	public String toString() {
		return "AuthProperties[users=" + this.users + ", loadUsers=" + this.loadUsers + ", signingKeys="
				+ this.signingKeys + ", cliRedirectUri=" + this.cliRedirectUri + ", cliAccessTokenTimeToLive="
				+ this.cliAccessTokenTimeToLive + "]";
	}

}
