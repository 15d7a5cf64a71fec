-- Every change to an account, whoever makes it (the API on any node, a node's start resetting a bootstrap
-- password, an operator's own SQL), is announced on the channel account_changed with the account's
-- username: each node listens and forgets what it remembered of that account (AccountChanges).
CREATE FUNCTION announce_account_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('account_changed', OLD.username);
        RETURN OLD;
    END IF;
    PERFORM pg_notify('account_changed', NEW.username);
    IF TG_OP = 'UPDATE' AND OLD.username <> NEW.username THEN
        PERFORM pg_notify('account_changed', OLD.username);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER account_changed AFTER INSERT OR UPDATE OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION announce_account_change();
