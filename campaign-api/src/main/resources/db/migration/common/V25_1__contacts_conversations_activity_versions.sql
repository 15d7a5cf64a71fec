-- The contacts and conversations rows written before migration 25 applied every record their campaign
-- had kept so far (the model was caught up when the engine stopped for this migration): they are given
-- its activityVersion, as the analytics rows were by migration 24.2.
UPDATE contacts_campaign SET activity_records = COALESCE((SELECT c.records FROM campaign_activity_count c
    WHERE c.campaign_id = contacts_campaign.campaign_id), 0);

UPDATE conversations_campaign SET activity_records = COALESCE((SELECT c.records FROM campaign_activity_count c
    WHERE c.campaign_id = conversations_campaign.campaign_id), 0);
