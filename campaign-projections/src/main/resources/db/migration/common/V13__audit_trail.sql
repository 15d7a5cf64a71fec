-- The organisation-wide audit trail (issue 10): one row per stored event, lifecycle and activity alike,
-- keyed by the event's global index, with who caused it and from which request. An index per filter
-- (actor, type, campaign), each ending in time and global index, so every trail page reads one range.
CREATE TABLE audit_event (
    global_index    BIGINT                   NOT NULL,
    event_id        VARCHAR(255)             NOT NULL,
    campaign_id     VARCHAR(255),
    sequence_number BIGINT,
    event_type      VARCHAR(100)             NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(255),
    request_id      VARCHAR(255),
    PRIMARY KEY (global_index)
);
CREATE INDEX audit_event_by_time ON audit_event (occurred_at, global_index);
CREATE INDEX audit_event_by_actor ON audit_event (actor, occurred_at, global_index);
CREATE INDEX audit_event_by_type ON audit_event (event_type, occurred_at, global_index);
CREATE INDEX audit_event_by_campaign ON audit_event (campaign_id, event_type, global_index);
