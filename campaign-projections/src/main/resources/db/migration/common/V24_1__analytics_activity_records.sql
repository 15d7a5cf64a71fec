-- How many activity records the analytics row has applied: a read naming the intake's activityVersion
-- waits until it is reached (read-your-writes for activity). Rows written before this column are given
-- the count of their campaign's kept records by the engine's migration 24.2, once its store exists.
ALTER TABLE analytics_campaign ADD COLUMN activity_records BIGINT DEFAULT 0 NOT NULL;
