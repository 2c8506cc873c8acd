package io.orderflow.messaging.outbox;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service writes to its outbox ({@code orderflow.outbox.*}).
 *
 * @param topics every saga topic the service appends events to: their schemas are
 * resolved when it starts ({@link OutboxSchemas}), and appending to any other topic fails
 */
@ConfigurationProperties("orderflow.outbox")
public record OutboxProperties(@DefaultValue List<String> topics) {

}
