-- Consumer idempotency: a consumer records the id of every event it applied, in the same transaction as the
-- effect. A redelivered event finds its id here and changes nothing.
CREATE TABLE processed_events (
    event_id     UUID        PRIMARY KEY,
    topic        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
