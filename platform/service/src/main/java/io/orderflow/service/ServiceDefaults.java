package io.orderflow.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Adds the suite's defaults ({@value #LOCATION} on the class path) as the last property
 * source, below everything the service itself says: its {@code application.yml} (and
 * profile-specific files), environment variables, system properties, command-line
 * arguments and test properties. Only {@code SpringApplication}'s programmatic default
 * properties rank lower (Spring Boot keeps those last), as with Spring Boot's own
 * devtools defaults.
 * <p>
 * Runs after {@link ConfigDataEnvironmentPostProcessor}: config data appends its sources
 * too, and would otherwise land below these defaults.
 */
class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

	static final String LOCATION = "orderflow-defaults.yml";

	/** Name of the property source (as shown by {@code /actuator/env} and in origins). */
	static final String NAME = "orderflowDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(NAME)) {
			return;
		}
		for (PropertySource<?> source : load(new ClassPathResource(LOCATION, application.getClassLoader()))) {
			sources.addLast(source);
		}
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	private static List<PropertySource<?>> load(Resource resource) {
		try {
			return new YamlPropertySourceLoader().load(NAME, resource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the Orderflow defaults " + resource, ex);
		}
	}

}
