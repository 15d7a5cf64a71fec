-- Accounts the engine keeps (docs/api.md, Accounts and roles). Passwords only as adaptive hashes.
-- roles and offices are comma-separated lists; an account is disabled, never deleted, so the actor
-- named in past events stays an account that existed.
CREATE TABLE account (
    username      VARCHAR(100)             NOT NULL,
    password_hash VARCHAR(200)             NOT NULL,
    roles         VARCHAR(200)             NOT NULL,
    offices       VARCHAR(4000)            NOT NULL,
    enabled       BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(200)             NOT NULL,
    disabled_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username)
);
