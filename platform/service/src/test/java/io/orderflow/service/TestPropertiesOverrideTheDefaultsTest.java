package io.orderflow.service;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test's own properties win over the suite's defaults; the others still apply.
 */
@SpringBootTest(classes = TestPropertiesOverrideTheDefaultsTest.Empty.class,
		properties = { "server.shutdown=immediate", "spring.kafka.listener.concurrency=1" })
class TestPropertiesOverrideTheDefaultsTest {

	@Autowired
	Environment environment;

	@Test
	void testPropertiesWinOverTheDefaults() {
		assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("immediate");
		assertThat(this.environment.getProperty("spring.kafka.listener.concurrency")).isEqualTo("1");
		assertThat(this.environment.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("manual_immediate");
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
