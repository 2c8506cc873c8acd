-- Every committed change of an order is announced on the channel order_changed, its payload the order id:
-- a GET /orders/{id}?waitForChange=... waiting on any instance of order-service answers as soon as the
-- order moves on. NOTIFY is transactional: delivered when the changing transaction commits, never when it
-- rolls back; notifications of one id within one transaction are folded into one.
CREATE FUNCTION order_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('order_changed', NEW.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER order_changed AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION order_changed_notify();
