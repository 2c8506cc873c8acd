package io.orderflow.authclient;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginPageTest {

	// the form of Spring Security 7's default login page, as served at /login
	private static final String SPRING_SECURITY_LOGIN_PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			  <head>
			    <title>Please sign in</title>
			  </head>
			  <body>
			    <div class="content">
			      <form class="login-form" method="post" action="/login">
			        <h2>Please sign in</h2>
			        <p>
			          <label for="username" class="screenreader">Username</label>
			          <input type="text" id="username" name="username" placeholder="Username" required autofocus>
			        </p>
			        <p>
			          <label for="password" class="screenreader">Password</label>
			          <input type="password" id="password" name="password" placeholder="Password" required>
			        </p>
			<input name="_csrf" type="hidden" value="q1m9B_4QpbJh-6Kt3xWZ6P2kRvO0o3vPxGkp8w0n2c1ZCYs3iUqkNnNwV9M5y4bGm_5Rr0b0xqYdD9l2p3C8" />
			        <button type="submit" class="primary">Sign in</button>
			      </form>
			    </div>
			  </body>
			</html>
			""";

	@Test
	void readsTheCsrfTokenOfSpringSecuritysLoginPage() {
		assertThat(LoginPage.csrfToken(SPRING_SECURITY_LOGIN_PAGE))
			.contains("q1m9B_4QpbJh-6Kt3xWZ6P2kRvO0o3vPxGkp8w0n2c1ZCYs3iUqkNnNwV9M5y4bGm_5Rr0b0xqYdD9l2p3C8");
	}

	@Test
	void readsTheCsrfTokenWhateverTheOrderOfTheAttributesAndTheQuotes() {
		assertThat(LoginPage.csrfToken("<form><INPUT type='hidden' value='a&amp;b' name='_csrf'/></form>"))
			.contains("a&b");
	}

	@Test
	void findsNoTokenOnAPageWithoutTheCsrfInput() {
		assertThat(LoginPage.csrfToken("<input name=\"_csrf_other\" value=\"x\"><input name=\"username\">")).isEmpty();
	}

}
