-- Activity lives outside the Campaign aggregate (docs/lifecycle.md): each record id counts once per
-- campaign, forever, across restarts and nodes, by this primary key.
CREATE TABLE activity_record (
    campaign_id  VARCHAR(36)              NOT NULL,
    record_id    VARCHAR(100)             NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_id, record_id)
);

-- When activity that keeps a campaign alive arrived, a row per batch: the inactivity timer reads the
-- latest as it fires, so recording activity writes no timer (§3).
CREATE TABLE activity_arrival (
    campaign_id  VARCHAR(36)              NOT NULL,
    arrived_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX activity_arrival_latest ON activity_arrival (campaign_id, arrived_at);

-- Each conversation's tags (at most 3 of at most 30 characters, newline-separated), for the limit.
CREATE TABLE conversation_tag (
    campaign_id  VARCHAR(36)              NOT NULL,
    contact_id   VARCHAR(100)             NOT NULL,
    tags         VARCHAR(200)             NOT NULL,
    PRIMARY KEY (campaign_id, contact_id)
);
