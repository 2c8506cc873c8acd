-- The notification of an order's change names what it became: "<id> <version> <status>". A request waiting for
-- the outcome of the saga is then woken only by a terminal status, not by every step, and reads the order
-- once more instead of once per step. A waiting side that gets a payload of the id alone (V2's, during an
-- upgrade) treats it as "look again".
CREATE OR REPLACE FUNCTION order_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('order_changed', NEW.id::text || ' ' || NEW.version || ' ' || NEW.status);
    RETURN NULL;
END
$$;
