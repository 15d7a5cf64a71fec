-- How many activity records each campaign has kept: its activityVersion, answered by the intake and
-- moved in place by each batch that keeps records. Counted from the records kept so far, as the
-- analytics rows written before migration 24.1 are.
CREATE TABLE campaign_activity_count (
    campaign_id  VARCHAR(36) NOT NULL PRIMARY KEY,
    records      BIGINT      NOT NULL
);

INSERT INTO campaign_activity_count (campaign_id, records)
    SELECT campaign_id, COUNT(*) FROM activity_record GROUP BY campaign_id;

UPDATE analytics_campaign SET activity_records = (SELECT COUNT(*) FROM activity_record r
    WHERE r.campaign_id = analytics_campaign.campaign_id);
