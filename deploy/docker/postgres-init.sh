#!/usr/bin/env bash
# One PostgreSQL server, one database per service (DESIGN.md) plus the schema registry's, each owned by a role of
# its own: a service's role reaches its own database only; the outbox relay's role (orderflow_relay) gets its
# access to the three outboxes from the services' migrations (db/messaging/afterMigrate.sql). Passwords are the
# secret files ./orderflow secrets made (.orderflow/secrets/db/), mounted in /run/secrets. The postgres image runs
# this once, as the superuser, when it initialises an empty data volume; after a change here, recreate the volume:
# docker compose down -v
set -euo pipefail

role() { # name, password file
  psql -v ON_ERROR_STOP=1 -q -d postgres -v role="$1" -v password="$(cat "$2")" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
SQL
}

database() { # name, owner
  psql -v ON_ERROR_STOP=1 -q -d postgres <<SQL
CREATE DATABASE "$1" OWNER "$2";
REVOKE CONNECT, TEMPORARY ON DATABASE "$1" FROM PUBLIC;
SQL
}

for service in order inventory payment; do
  role "orderflow_$service" "/run/secrets/db-orderflow_$service"
  database "orderflow_$service" "orderflow_$service"
done
role orderflow_relay /run/secrets/db-orderflow_relay
role orderflow_registry /run/secrets/db-orderflow_registry
database apicurio orderflow_registry
