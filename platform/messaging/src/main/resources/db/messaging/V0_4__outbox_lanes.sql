-- Relay lanes: the outbox is divided into lanes by a stable hash of the aggregate id, so that several relay instances
-- publish in parallel, each lane owned by one of them at a time, and an aggregate's events (always in one lane)
-- stay in order. The lane is computed at insert from the lane count of this database and stored with the row.

-- The lane count, and its epoch: raised by every change of the count, so that relay instances tell a lane of the old
-- division from one of the new (the advisory lock of a lane names its epoch; the relay's claim names the epoch it
-- claims for). One row.
CREATE TABLE outbox_lanes (
    singleton BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    lanes     INTEGER NOT NULL CHECK (lanes BETWEEN 1 AND 1024),
    epoch     INTEGER NOT NULL DEFAULT 1 CHECK (epoch BETWEEN 1 AND 2097151)   -- epoch x 1024 + lane fits a lock key
);
INSERT INTO outbox_lanes (lanes) VALUES (16);

-- The lane of an aggregate among n: the first 32 bits of the MD5 of its id, unsigned, modulo n. MD5, not hashtext():
-- the same id must fall in the same lane on every server version (OutboxLanes in the relay computes the same).
CREATE FUNCTION outbox_lane(aggregate_id TEXT, lanes INTEGER) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT (('x' || substr(md5(aggregate_id), 1, 8))::bit(32)::bigint % lanes)::integer $$;

ALTER TABLE outbox ADD COLUMN lane SMALLINT NOT NULL DEFAULT 0;
UPDATE outbox SET lane = outbox_lane(aggregate_id, 16) WHERE published_at IS NULL;

-- Every inserted row gets its lane from the current count, and wakes the relay: one notification per transaction and
-- lane (PostgreSQL folds identical ones), delivered at commit, with the lane as payload, so that an instance wakes
-- only for the lanes it owns. (A writing transaction reads the count when it inserts: in READ COMMITTED, as the
-- services run, that is the count of the last committed change; outbox_set_lanes below waits for writers.)
CREATE FUNCTION outbox_assign_lane() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.lane := outbox_lane(NEW.aggregate_id, (SELECT lanes FROM outbox_lanes));
    PERFORM pg_notify('outbox', NEW.lane::text);
    RETURN NEW;
END
$$;

DROP TRIGGER outbox_notify ON outbox;
DROP FUNCTION outbox_notify();
CREATE TRIGGER outbox_assign_lane BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION outbox_assign_lane();

-- Changes the lane count online (`./orderflow outbox lanes <service> <n>`, or SELECT outbox_set_lanes(n) as the
-- database's owner). In one transaction: waits for the transactions that write the outbox (new inserts wait for it),
-- sets the count and raises the epoch, and moves every unpublished row to its lane of the new count. Relay instances
-- claim only for the epoch they hold lanes of, so from its commit on nothing is claimed in the old division; each
-- instance finishes and marks what it has in flight, releases its old lanes, and the new lanes are taken only once
-- no lane of the old epoch is held by anyone. No aggregate is ever published by two instances at once.
CREATE FUNCTION outbox_set_lanes(new_lanes INTEGER) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    moved INTEGER := 0;
BEGIN
    IF new_lanes IS NULL OR new_lanes NOT BETWEEN 1 AND 1024 THEN
        RAISE EXCEPTION 'outbox lanes: % is not between 1 and 1024', new_lanes;
    END IF;
    LOCK TABLE outbox IN SHARE ROW EXCLUSIVE MODE;
    UPDATE outbox_lanes SET lanes = new_lanes, epoch = epoch + 1 WHERE lanes <> new_lanes;
    IF FOUND THEN
        UPDATE outbox SET lane = outbox_lane(aggregate_id, new_lanes) WHERE published_at IS NULL;
        GET DIAGNOSTICS moved = ROW_COUNT;
        PERFORM pg_notify('outbox', '');
    END IF;
    RETURN moved;
END
$$;
-- the database's owner (the service's role) changes the count; nobody else (the relay's role reads it)
REVOKE EXECUTE ON FUNCTION outbox_set_lanes(INTEGER) FROM PUBLIC;
