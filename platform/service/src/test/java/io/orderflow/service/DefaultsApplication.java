package io.orderflow.service;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * An empty application with the suite's defaults and {@code test-service.yml} as its own
 * {@code application.yml}, started with the given environment variables instead of the
 * machine's: what the tests of the defaults run.
 */
final class DefaultsApplication {

	private DefaultsApplication() {
	}

	/**
	 * @param variables the application's environment variables
	 * @param args more command-line arguments
	 * @return the started context, to be closed by the caller
	 */
	static ConfigurableApplicationContext run(Map<String, Object> variables, String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--spring.config.name=test-service";
		all[args.length + 1] = "--spring.main.banner-mode=off";
		return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
			.environment(environment(variables))
			.run(all);
	}

	/** A fresh environment whose variables are the given ones, not the machine's. */
	private static ConfigurableEnvironment environment(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
		return environment;
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
