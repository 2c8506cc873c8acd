-- A cancelled order (its saga deadline passed, or its payment failed) is refunded once when it was charged:
-- COMPLETED -> REFUNDED, with the time of the refund. An order cancelled before its StockReserved arrived (the
-- topics are not ordered relative to each other) gets a CANCELLED payment without an amount: the order's key is
-- taken, and its StockReserved, if it still comes, charges nothing.
ALTER TABLE payments
    DROP CONSTRAINT payments_status_check,
    ADD CONSTRAINT payments_status_check CHECK (status IN ('COMPLETED', 'FAILED', 'REFUNDED', 'CANCELLED')),
    ALTER COLUMN amount_minor DROP NOT NULL,
    ALTER COLUMN currency DROP NOT NULL,
    ADD CONSTRAINT payments_amount_unless_cancelled CHECK ((status = 'CANCELLED') = (amount_minor IS NULL)),
    ADD CONSTRAINT payments_amount_complete CHECK ((amount_minor IS NULL) = (currency IS NULL)),
    ADD COLUMN refunded_at TIMESTAMPTZ,
    ADD CONSTRAINT payments_refund_has_time CHECK ((status = 'REFUNDED') = (refunded_at IS NOT NULL));
