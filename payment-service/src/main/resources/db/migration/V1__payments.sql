-- Customer accounts and payments. The outbox and processed_events tables come from classpath:db/messaging.

CREATE TABLE accounts (
    customer_id   VARCHAR(100) PRIMARY KEY CHECK (length(btrim(customer_id)) > 0),
    -- minor units (cents for EUR); a charge that would overdraw is refused, and the database refuses it too
    balance_minor BIGINT       NOT NULL CHECK (balance_minor >= 0),
    currency      VARCHAR(3)   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One payment per order (order_id is the natural key): a StockReserved applied twice, or a second event for the
-- same order, cannot charge again. Inserting the row also serializes the transactions of one order, so that their
-- outbox rows are numbered in commit order.
CREATE TABLE payments (
    payment_id     UUID         PRIMARY KEY,
    order_id       UUID         NOT NULL UNIQUE,
    customer_id    VARCHAR(100) NOT NULL,
    amount_minor   BIGINT       NOT NULL CHECK (amount_minor >= 0),
    currency       VARCHAR(3)   NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('COMPLETED', 'FAILED')),
    failure_reason VARCHAR(32)  CHECK (failure_reason IN ('INSUFFICIENT_FUNDS', 'UNKNOWN_ACCOUNT', 'CURRENCY_MISMATCH')),
    detail         VARCHAR(500),
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT payments_failure_has_reason CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL))
);

CREATE INDEX payments_customer ON payments (customer_id, created_at);
