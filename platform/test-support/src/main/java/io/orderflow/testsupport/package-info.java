/**
 * Real infrastructure for integration tests: a KRaft Kafka broker, PostgreSQL and the
 * Apicurio schema registry, each started once per JVM; see
 * {@link io.orderflow.testsupport.RealInfrastructure}. For web slices,
 * {@link io.orderflow.testsupport.ChunkedRequestBuilder} sends a body the way a chunked
 * request does.
 */
@NullMarked
package io.orderflow.testsupport;

import org.jspecify.annotations.NullMarked;
