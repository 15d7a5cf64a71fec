-- Tamper evidence (issue 10). event_link: each stored event's link in its aggregate's hash chain, written in
-- the same transaction as the event (ChainedAppend); an event of no aggregate is a chain of its own.
-- chain_anchor: the chains anchored together, one row per event in the order the audit-anchor processor
-- (one segment, never replayed) saw them; its last row is the head an auditor keeps elsewhere.
CREATE TABLE event_link (
    event_id  VARCHAR(255) NOT NULL,
    chain_id  VARCHAR(255) NOT NULL,
    chain_seq BIGINT       NOT NULL,
    link      CHAR(64)     NOT NULL,
    PRIMARY KEY (event_id),
    UNIQUE (chain_id, chain_seq)
);

CREATE TABLE chain_anchor (
    position     BIGINT                   NOT NULL,
    event_id     VARCHAR(255)             NOT NULL,
    global_index BIGINT                   NOT NULL,
    anchor       CHAR(64)                 NOT NULL,
    anchored_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (position),
    UNIQUE (event_id)
);
