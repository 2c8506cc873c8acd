-- Orders of order-service. The outbox and processed_events tables come from classpath:db/messaging.

CREATE TABLE orders (
    id                  UUID         PRIMARY KEY,
    -- optimistic lock; every state change after placement also locks the row, so that one order's outbox
    -- rows are appended in commit order
    version             BIGINT       NOT NULL,
    customer_id         VARCHAR(64)  NOT NULL,
    status              VARCHAR(16)  NOT NULL
        CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    -- known once inventory has reserved and priced the stock
    total_amount_minor  BIGINT,
    total_currency      VARCHAR(3),
    created_at          TIMESTAMPTZ  NOT NULL,
    -- the client's Idempotency-Key and a SHA-256 of the canonical request it came with
    idempotency_key     VARCHAR(255) UNIQUE,
    request_fingerprint VARCHAR(64),
    CONSTRAINT orders_total_complete CHECK ((total_amount_minor IS NULL) = (total_currency IS NULL)),
    CONSTRAINT orders_idempotency_complete CHECK ((idempotency_key IS NULL) = (request_fingerprint IS NULL))
);

-- GET /orders?customerId=...: a customer's orders, newest first
CREATE INDEX orders_customer_newest_first ON orders (customer_id, created_at DESC, id DESC);

CREATE TABLE order_lines (
    order_id UUID        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no  INTEGER     NOT NULL,
    sku      VARCHAR(64) NOT NULL,
    quantity INTEGER     NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_sku_once UNIQUE (order_id, sku)
);

-- the saga steps an order went through, oldest first
CREATE TABLE order_timeline (
    order_id    UUID         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position    INTEGER      NOT NULL,
    step        VARCHAR(32)  NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    detail      VARCHAR(500),
    PRIMARY KEY (order_id, position)
);
