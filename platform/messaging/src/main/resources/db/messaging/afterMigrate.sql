-- After every migration (a Flyway callback, run by the service as the owner of its database): the outbox relay's
-- access to this database, and nothing more. The relay reads the outbox, marks or deletes what it published, and
-- parks what it can never publish, and reads the lane count; it sees no other table. Its role is the session setting orderflow.relay_role,
-- which the services' Flyway sets on connecting (ORDERFLOW_DATABASE_RELAY_ROLE, orderflow-defaults.yml); where it is
-- not set or names no role (one database user for everything, as in the tests) there is nothing to grant. The
-- owner of the database also takes CONNECT from PUBLIC: no other service's role may connect.
DO $$
DECLARE
    relay CONSTANT TEXT := current_setting('orderflow.relay_role', true);
BEGIN
    IF (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) = current_user THEN
        EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    END IF;
    IF relay <> '' AND relay <> current_user AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = relay) THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), relay);
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', relay);
        EXECUTE format('GRANT SELECT, UPDATE, DELETE ON outbox TO %I', relay);
        EXECUTE format('GRANT SELECT, INSERT ON outbox_parked TO %I', relay);
        EXECUTE format('GRANT SELECT ON outbox_lanes TO %I', relay);
    END IF;
END
$$;
