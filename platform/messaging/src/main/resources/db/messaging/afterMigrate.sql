-- After every migration (a Flyway callback, run by the service as the owner of its database): the outbox relay's
-- access to this database, and nothing more. The relay reads the outbox, marks or deletes what it published, and
-- parks what it can never publish; it sees no other table. Its role is ${relay_role}
-- (orderflow.database.relay-role, ORDERFLOW_DATABASE_RELAY_ROLE); where no such role exists (one database user for
-- everything, as in the tests) there is nothing to grant.
DO $$
DECLARE
    relay CONSTANT TEXT := '${relay_role}';
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = relay) AND relay <> current_user THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), relay);
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', relay);
        EXECUTE format('GRANT SELECT, UPDATE, DELETE ON outbox TO %I', relay);
        EXECUTE format('GRANT SELECT, INSERT ON outbox_parked TO %I', relay);
    END IF;
END
$$;
