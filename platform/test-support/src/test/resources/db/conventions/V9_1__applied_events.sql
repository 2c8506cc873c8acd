-- the effect of ConsumerConventionsTest's domain handler: one row per application, in commit order
CREATE TABLE applied_events (
    seq      bigserial PRIMARY KEY,
    event_id uuid NOT NULL
);
