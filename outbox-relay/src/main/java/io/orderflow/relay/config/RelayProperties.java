package io.orderflow.relay.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the relay publishes and how ({@code orderflow.relay.*}).
 *
 * @param sources the service databases whose {@code outbox} table is published; names are
 * unique (they tag metrics and health)
 * @param batchSize most rows claimed, sent and marked in one round
 * @param pollInterval longest wait for a {@code NOTIFY outbox} before the leader looks
 * for rows anyway (a notification can be lost when the connection drops)
 * @param takeoverInterval how often an instance looks at a source's members and lanes and
 * takes or hands over lanes; also the pause before reconnecting to an unreachable
 * database
 * @param memberTimeout how long an instance's heartbeat may be missing (a frozen process
 * keeps its connections, and with them its lanes) before the other instances end its
 * sessions and take its lanes over
 * @param retryBackoff first pause after a failed send; doubled on every further failure
 * @param maxRetryBackoff longest pause between two attempts to send
 * @param retention how long published rows are kept, marked with {@code published_at},
 * before clean-up deletes them; zero (the default): an acknowledged row is deleted at
 * once, in the statement that would have marked it, which costs the database a fifth of
 * an update (no new row version, no index entries) and leaves nothing to clean up
 * @param cleanupInterval pause between two clean-up runs
 * @param cleanupChunkSize most rows deleted by one statement, so that clean-up never
 * holds long locks or builds one huge transaction
 * @param metricsInterval how often the backlog and the age of its oldest row are measured
 * (and the database's reachability with them)
 * @param stepDownAfter how long an instance goes on when every send fails before it gives
 * up its lanes, so that the other instances may take them over
 */
@ConfigurationProperties("orderflow.relay")
@Validated
public record RelayProperties(@DefaultValue @NotEmpty List<@Valid Source> sources,
		@DefaultValue("2000") @Min(1) @Max(10_000) int batchSize,
		@DefaultValue("1s") @DurationMin(millis = 10) Duration pollInterval,
		@DefaultValue("2s") @DurationMin(millis = 10) Duration takeoverInterval,
		@DefaultValue("10s") @DurationMin(millis = 100) Duration memberTimeout,
		@DefaultValue("200ms") @DurationMin(millis = 1) Duration retryBackoff,
		@DefaultValue("30s") @DurationMin(millis = 1) Duration maxRetryBackoff,
		@DefaultValue("0s") @DurationMin(seconds = 0) Duration retention,
		@DefaultValue("1m") @DurationMin(millis = 10) Duration cleanupInterval,
		@DefaultValue("5000") @Min(1) int cleanupChunkSize,
		@DefaultValue("5s") @DurationMin(millis = 10) Duration metricsInterval,
		@DefaultValue("60s") @DurationMin(millis = 10) Duration stepDownAfter) {

	public RelayProperties {
		sources = List.copyOf(sources);
		Set<String> names = new HashSet<>();
		for (Source source : sources) {
			if (!names.add(source.name())) {
				throw new IllegalArgumentException("orderflow.relay.sources: duplicate name '" + source.name() + "'");
			}
		}
		if (maxRetryBackoff.compareTo(retryBackoff) < 0) {
			throw new IllegalArgumentException("orderflow.relay.max-retry-backoff must not be below retry-backoff");
		}
	}

	/**
	 * @return whether published rows are kept for a while ({@code retention} above zero)
	 * rather than deleted once acknowledged
	 */
	public boolean keepsPublishedRows() {
		return !this.retention.isZero();
	}

	/**
	 * A service database with an {@code outbox} table (Flyway location
	 * {@code classpath:db/messaging}).
	 *
	 * @param name short name, e.g. {@code order}; tags metrics ({@code source}) and
	 * health
	 * @param url JDBC URL, {@code jdbc:postgresql://…}
	 * @param username database user; needs SELECT, UPDATE and DELETE on {@code outbox}
	 * @param password its password, may be empty (trust or certificate authentication)
	 */
	public record Source(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]*") String name,
			@NotBlank @Pattern(regexp = "jdbc:postgresql:.+") String url, @NotBlank String username,
			@DefaultValue("") String password) {

		@Override
		public String toString() {
			return "Source[name=" + this.name + ", url=" + this.url + ", username=" + this.username + "]";
		}

	}

}
