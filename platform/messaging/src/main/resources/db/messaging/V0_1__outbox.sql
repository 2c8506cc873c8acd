-- The transactional outbox, shared by every service database (Flyway location classpath:db/messaging).
-- A service inserts a row in the same transaction as its state change; outbox-relay publishes it to Kafka.
CREATE TABLE outbox (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,   -- the Kafka record key
    event_type     TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    payload        BYTEA       NOT NULL,   -- Confluent wire format: magic byte, 4-byte schema id, Avro binary
    headers        JSONB       NOT NULL DEFAULT '{}'::jsonb,   -- e.g. traceparent
    created_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    published_at   TIMESTAMPTZ
);

-- the relay claims unpublished rows in id order; per aggregate, id order is commit order because every
-- transaction that appends for an aggregate also locks that aggregate's row
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- wake the relay at commit (NOTIFY is delivered only when the inserting transaction commits)
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
