-- A line whose total (unit price x quantity), or the order's total with it, does not fit a long of minor units, or
-- whose units would take its product's reserved units beyond an int, is rejected OUT_OF_RANGE: the order ends
-- REJECTED instead of failing on every delivery.
ALTER TABLE reservation_line
    DROP CONSTRAINT reservation_line_rejection_check,
    ADD CONSTRAINT reservation_line_rejection_check
        CHECK (rejection IN ('UNKNOWN_SKU', 'INSUFFICIENT_STOCK', 'CURRENCY_MISMATCH', 'OUT_OF_RANGE'));
