-- The orders still PENDING, oldest first: the saga deadline looks for those past it every few seconds, and
-- GET /orders/overdue lists those near it. Partial: only pending orders are indexed, a handful at any time, so
-- the index stays small however many orders the table keeps.
CREATE INDEX orders_pending_oldest_first ON orders (created_at, id) WHERE status = 'PENDING';
