package io.orderflow.messaging.consumer;

/**
 * What {@link EventPipeline} runs in a batch transaction after each record's handler
 * returned. With JPA (the platform installs this when an {@code EntityManagerFactory}
 * exists): write the record's changes and forget its entities, so that a record's flush
 * and dirty check see only that record's entities, and a batch costs per record what a
 * single record costs instead of growing with the batch. A failure here belongs to the
 * record.
 */
@FunctionalInterface
public interface RecordBoundary {

	/** Nothing between records (no persistence context to keep small). */
	RecordBoundary NONE = () -> {
	};

	/**
	 * Called inside the batch transaction, after each record's handler.
	 */
	void afterRecord();

}
