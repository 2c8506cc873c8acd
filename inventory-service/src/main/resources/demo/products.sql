-- Demo products for running Orderflow locally (NOT a Flyway migration: production databases never get it).
--
-- Load it into the inventory database after the service has started once (Flyway created the tables), e.g.
--   psql -h 127.0.0.1 -U postgres -d orderflow_inventory -f inventory-service/src/main/resources/demo/products.sql
-- or from the classpath of the service jar (demo/products.sql).
--
-- Idempotent: existing products are left as they are (their stock may have moved since), so running it twice
-- changes nothing. To start over, PUT the product again: PUT /products/{sku} replaces name, price and available
-- stock. Prices are in minor units (cents).
INSERT INTO product (sku, name, unit_price_minor, currency, available, reserved)
VALUES ('SKU-1', 'Espresso beans, 1 kg', 2490, 'EUR', 100, 0),
       ('SKU-2', 'Ceramic espresso cup', 890, 'EUR', 250, 0),
       ('SKU-3', 'Milk frothing jug', 1950, 'EUR', 40, 0),
       ('SKU-4', 'Hand grinder', 7900, 'EUR', 15, 0),
       ('SKU-5', 'Descaling tablets, pack of 10', 1290, 'EUR', 0, 0)   -- out of stock: orders are rejected
ON CONFLICT (sku) DO NOTHING;
