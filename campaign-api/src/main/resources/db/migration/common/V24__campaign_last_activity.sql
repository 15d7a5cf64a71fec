-- When activity that keeps a campaign alive last arrived: one row per campaign, moved forward in place
-- by the intake (GREATEST), read by the inactivity timer as it fires. It replaces activity_arrival,
-- which gained a row per batch and was never pruned; its latest arrival per campaign is carried over.
CREATE TABLE campaign_last_activity (
    campaign_id       VARCHAR(36)              NOT NULL PRIMARY KEY,
    last_activity_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO campaign_last_activity (campaign_id, last_activity_at)
    SELECT campaign_id, MAX(arrived_at) FROM activity_arrival GROUP BY campaign_id;

DROP TABLE activity_arrival;
