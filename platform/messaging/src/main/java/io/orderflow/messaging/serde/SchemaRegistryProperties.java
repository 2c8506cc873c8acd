package io.orderflow.messaging.serde;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the schema registry is ({@code orderflow.schema-registry.*}).
 *
 * @param url base URL of the Apicurio Registry, e.g. {@code http://127.0.0.1:8085}; the
 * serdes use its native API below {@code /apis/registry/v2}, Confluent clients its
 * compatible API below {@code /apis/ccompat/v7}
 * @param autoRegister whether producers register a schema they do not find (true for
 * development; production registers from the build and sets false)
 */
@ConfigurationProperties("orderflow.schema-registry")
public record SchemaRegistryProperties(@DefaultValue("http://127.0.0.1:8085") URI url,
		@DefaultValue("true") boolean autoRegister) {

	/**
	 * @return the native API root the Apicurio serdes talk to
	 */
	public String apiUrl() {
		return this.url.toString().replaceAll("/+$", "") + "/apis/registry/v2";
	}

}
