-- Columns the index pages filter and sort by, taken from the settings when they change.
-- tags are stored as |tag1|tag2| so one LIKE finds an exact tag on every database.
ALTER TABLE campaign_index ADD COLUMN tags VARCHAR(4000) NOT NULL DEFAULT '|';
ALTER TABLE campaign_index ADD COLUMN start_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign_index ADD COLUMN end_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign_index ADD COLUMN contact_list_name VARCHAR(200);
ALTER TABLE campaign_index ADD COLUMN operated_by VARCHAR(32);
CREATE INDEX campaign_index_office ON campaign_index (office);
CREATE INDEX campaign_index_updated ON campaign_index (updated_at);
CREATE INDEX campaign_index_name_lower ON campaign_index (LOWER(name));
