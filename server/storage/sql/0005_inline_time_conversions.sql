-- epoch_ms and from_epoch_ms were declared IMMUTABLE, but their bodies call STABLE functions
-- (extract(epoch FROM timestamptz), timestamptz + interval). PostgreSQL never inlines a SQL
-- function whose body is less stable than its declaration, so each call site ran as a function
-- of its own: its body parsed and planned again on every execution of the statement (about 30 µs
-- here), then run as a small query per row. An accepted bid's statements have seven such call
-- sites, a listing page two. Declared STABLE, as their bodies are, they are written into the
-- query by the planner instead: EXPLAIN VERBOSE shows EXTRACT(epoch FROM ...) where epoch_ms(...)
-- was. Neither is used in an index, which would need IMMUTABLE.
ALTER FUNCTION epoch_ms(timestamptz) STABLE;
ALTER FUNCTION from_epoch_ms(bigint) STABLE;
