-- Failed password checks per (username, client address), shared by every engine node so a guesser
-- cannot spread attempts over nodes. A row is forgotten on a successful login from the same address
-- and purged a day after its last failure.
CREATE TABLE login_failure (
    username        VARCHAR(100)             NOT NULL,
    client          VARCHAR(100)             NOT NULL,
    failures        INT                      NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, client)
);

CREATE INDEX login_failure_last_failure ON login_failure (last_failure_at);
