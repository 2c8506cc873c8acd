package io.orderflow.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP contract, under {@code orderflow.web}.
 *
 * @param maxBodySize the largest request body a service reads
 * ({@code orderflow.web.max-body-size}, default 64KB, ample for an order of 50 lines);
 * larger ones are answered with {@code 413 payload-too-large}; at least one byte
 */
@ConfigurationProperties("orderflow.web")
public record OrderflowWebProperties(@DefaultValue("64KB") DataSize maxBodySize) {

	/**
	 * @param maxBodySize the largest request body a service reads, at least one byte
	 */
	public OrderflowWebProperties {
		Assert.isTrue(maxBodySize.toBytes() > 0, "orderflow.web.max-body-size must be at least 1 byte");
	}

}
