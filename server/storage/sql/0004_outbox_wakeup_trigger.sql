-- Wake the outbox relays from the database instead of from each writer: one statement-level
-- trigger per INSERT into the outbox, so a transaction that queues several events pays no round
-- trip for it (PostgreSQL folds identical notifications of one transaction into one, delivered
-- after commit). The channel is storage::outbox::kNotifyChannel.
CREATE FUNCTION outbox_wake_relays() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('neighborbid_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_wake_relays
    AFTER INSERT ON outbox
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_wake_relays();
