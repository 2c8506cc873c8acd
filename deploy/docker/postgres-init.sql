-- One PostgreSQL server, one database per service (DESIGN.md), plus the schema registry's.
-- The postgres image runs this once, as POSTGRES_USER, when it initialises an empty data volume;
-- after a change here, recreate the volume: docker compose down -v
CREATE DATABASE orderflow_order;
CREATE DATABASE orderflow_inventory;
CREATE DATABASE orderflow_payment;
CREATE DATABASE apicurio;
