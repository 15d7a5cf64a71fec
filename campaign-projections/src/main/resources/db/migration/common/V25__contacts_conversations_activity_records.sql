-- How many activity records the contacts and the conversations models have each applied to a campaign:
-- a page read naming the intake's activityVersion waits until its model has reached it (read-your-writes
-- for activity), as analytics does (V24.1). Moved as each batch arrives, rebuilt by a replay. Rows written
-- before these columns are given their campaign's activityVersion by the engine's migration 25.1.
ALTER TABLE contacts_campaign ADD COLUMN activity_records BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE conversations_campaign ADD COLUMN activity_records BIGINT DEFAULT 0 NOT NULL;
