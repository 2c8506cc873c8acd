-- An order may be cancelled (its saga deadline passed) before inventory has seen it: OrderCancelled and
-- OrderPlaced travel on different topics, in no order relative to each other. The cancellation then leaves a
-- tombstone, a reservation CANCELLED from the start, without lines and without a total, and the OrderPlaced that
-- comes after it finds the order's key taken and reserves nothing.
ALTER TABLE reservation
    DROP CONSTRAINT reservation_status_check,
    ADD CONSTRAINT reservation_status_check
        CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED', 'SOLD', 'CANCELLED')),
    -- priced exactly when stock was reserved (RESERVED, and what it became: RELEASED, SOLD)
    DROP CONSTRAINT reservation_check,
    ADD CONSTRAINT reservation_check
        CHECK ((status IN ('REJECTED', 'CANCELLED')) = (total_minor IS NULL AND currency IS NULL));
