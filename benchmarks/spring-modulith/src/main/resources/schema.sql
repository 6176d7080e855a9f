CREATE TABLE IF NOT EXISTS orders (
    id BIGINT PRIMARY KEY
);
-- no unique constraint: work done twice shows as two rows
CREATE TABLE IF NOT EXISTS effects (
    order_id BIGINT NOT NULL,
    done_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp()
);
