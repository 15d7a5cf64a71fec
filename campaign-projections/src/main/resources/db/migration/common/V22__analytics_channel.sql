-- The campaign's channel in its analytics row: only a VOICE campaign's analytics carry voice figures
-- (dials, contacts not yet dialed, callers logged in); for any other channel the section is null.
-- Rows written before this column are given the channel the status index holds for the campaign; a
-- replay of the analytics read model writes it from the Created events.
ALTER TABLE analytics_campaign ADD COLUMN channel VARCHAR(8);
UPDATE analytics_campaign SET channel = (SELECT i.channel FROM campaign_index i WHERE i.id = analytics_campaign.campaign_id);
