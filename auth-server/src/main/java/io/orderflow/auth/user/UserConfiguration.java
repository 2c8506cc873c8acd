package io.orderflow.auth.user;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.IntStream;

import io.orderflow.auth.AuthProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users who log in with the form: the demo customers ({@code orderflow.auth.users})
 * and the load generator's customers {@code load-1} … {@code load-N}, all with the demo
 * password, in memory.
 */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	/**
	 * bcrypt with 2^4 rounds instead of the default 2^10: every user has the same demo
	 * password, which a strong hash would not protect any better, and the load generator
	 * logs its users in by the dozen; a login costs 64 times less CPU this way.
	 */
	private static final int DEMO_BCRYPT_STRENGTH = 4;

	@Bean
	UserDetailsService userDetailsService(AuthProperties properties) {
		// one hash for all: the password is the same, and encoding it 35 times would only
		// cost startup time
		String password = "{bcrypt}"
				+ new BCryptPasswordEncoder(DEMO_BCRYPT_STRENGTH).encode(properties.demoPassword());
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
		for (String name : userNames(properties)) {
			manager.createUser(User.withUsername(name).password(password).roles("CUSTOMER").build());
		}
		// exposed as a plain UserDetailsService: as a UserDetailsPasswordService the
		// manager would have every login "upgrade" the weak hash to the encoder's
		// strength, and every later login of that user cost 64 times as much
		return manager::loadUserByUsername;
	}

	static Set<String> userNames(AuthProperties properties) {
		Set<String> names = new LinkedHashSet<>(properties.users());
		IntStream.rangeClosed(1, properties.loadUsers()).forEach((n) -> names.add("load-" + n));
		return names;
	}

}
