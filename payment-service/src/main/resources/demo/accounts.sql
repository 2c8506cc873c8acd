-- Demo accounts of payment-service, for local runs only: `./orderflow up` loads this file into the service's database
-- (psql -d orderflow_payment -f ...) after the service has migrated it. It is not a Flyway migration, so no real
-- environment ever gets these rows. Running it again resets the demo balances.
--
--   customer | balance          | what orders by this customer do (the demo products are priced in EUR)
--   ---------+------------------+----------------------------------------------------------------------------
--   alice    | 1,000,000.00 EUR | rich: orders are paid (CONFIRMED); the default customer of ./orderflow load
--   bob      |         5.00 EUR | poor: most orders fail with INSUFFICIENT_FUNDS (CANCELLED, stock released)
--   carol    |       500.00 USD | orders fail with CURRENCY_MISMATCH (CANCELLED)
--   (any other customer has no account: orders fail with UNKNOWN_ACCOUNT)
--
-- Amounts are minor units (cents). Accounts can also be set over HTTP:
--   curl -X PUT http://127.0.0.1:8082/accounts/dave -H 'Content-Type: application/json' \
--        -d '{"balanceMinor":25000,"currency":"EUR"}'

INSERT INTO accounts (customer_id, balance_minor, currency)
VALUES ('alice', 100000000, 'EUR'),
       ('bob', 500, 'EUR'),
       ('carol', 50000, 'USD')
ON CONFLICT (customer_id) DO UPDATE
    SET balance_minor = EXCLUDED.balance_minor,
        currency      = EXCLUDED.currency,
        version       = accounts.version + 1,
        updated_at    = now();
