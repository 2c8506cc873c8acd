-- Rows the relay can never publish as they are (over the broker's size limit, a topic that does not exist, a record
-- the broker refuses), moved out of the outbox with the reason, so that every other aggregate keeps flowing. While
-- an aggregate has a parked row, its rows after that one wait in the outbox (the relay's claim leaves them out): its
-- events stay in order. An operator fixes the cause and moves the rows back with their ids (`./orderflow outbox unpark`),
-- and the relay publishes them first.
CREATE TABLE outbox_parked (
    id             BIGINT      PRIMARY KEY,   -- the row's id in the outbox, kept for the way back
    event_id       UUID        NOT NULL UNIQUE,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    payload        BYTEA       NOT NULL,
    headers        JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    parked_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    reason         TEXT        NOT NULL
);

-- the claim's anti-join: one index probe per candidate row, on a table that is empty in a healthy system
CREATE INDEX outbox_parked_aggregate ON outbox_parked (aggregate_id, id);
