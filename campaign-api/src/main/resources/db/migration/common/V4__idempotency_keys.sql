-- The first answer to each Idempotency-Key, per caller, so a retried command is answered, not re-run.
CREATE TABLE idempotency_key (
    principal     VARCHAR(200)             NOT NULL,
    idem_key      VARCHAR(200)             NOT NULL,
    fingerprint   VARCHAR(64)              NOT NULL,
    status        INT,
    content_type  VARCHAR(200),
    location      VARCHAR(500),
    body          TEXT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idem_key)
);
