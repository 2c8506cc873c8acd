-- Inventory: products with their stock, and one reservation per order.
-- The outbox and processed_events tables come from the shared location classpath:db/messaging.

CREATE TABLE product (
    sku              TEXT        PRIMARY KEY CHECK (length(sku) BETWEEN 1 AND 64),
    name             TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    unit_price_minor BIGINT      NOT NULL CHECK (unit_price_minor >= 0),
    currency         TEXT        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    available        INTEGER     NOT NULL CHECK (available >= 0),   -- free to reserve
    reserved         INTEGER     NOT NULL DEFAULT 0 CHECK (reserved >= 0),   -- promised to orders, not sold yet
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    version          BIGINT      NOT NULL DEFAULT 0
);

-- Natural key: the order id. Every transaction that appends an outbox event for an order locks this row first,
-- so that the order's outbox ids follow commit order.
CREATE TABLE reservation (
    order_id    UUID        PRIMARY KEY,
    customer_id TEXT        NOT NULL,
    status      TEXT        NOT NULL CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED', 'SOLD')),
    currency    TEXT        CHECK (currency ~ '^[A-Z]{3}$'),       -- null when rejected
    total_minor BIGINT      CHECK (total_minor >= 0),             -- null when rejected
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    version     BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'REJECTED') = (total_minor IS NULL AND currency IS NULL))
);

CREATE INDEX reservation_status ON reservation (status);

-- The order's lines, in order. SKUs are not foreign keys: a rejected order may name SKUs that do not exist.
CREATE TABLE reservation_line (
    order_id         UUID    NOT NULL REFERENCES reservation (order_id) ON DELETE CASCADE,
    line_no          INTEGER NOT NULL CHECK (line_no >= 0),
    sku              TEXT    NOT NULL,
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_minor BIGINT  CHECK (unit_price_minor >= 0),   -- set when reserved
    rejection        TEXT    CHECK (rejection IN ('UNKNOWN_SKU', 'INSUFFICIENT_STOCK', 'CURRENCY_MISMATCH')),
    PRIMARY KEY (order_id, line_no)
);
