-- The status index's figures (docs/lifecycle.md), kept as events arrive, and what makes its pages and
-- counts cheap at a million rows.

-- tab: where the row is listed (active, scheduled, draft, paused, archived; ended for STOPPED, ERRORED
-- and COMPLETED, which only All lists; deleted, which nothing lists). Every sort column below has an
-- index (tab, column, id), so a page of one tab is the first rows of one index range, and All merges the
-- first rows of five ranges.
ALTER TABLE campaign_index ADD COLUMN tab VARCHAR(16) NOT NULL DEFAULT 'draft';
-- Sort keys: lowered where the sort ignores case, so no expression index is needed, and cut to at most
-- 200 characters, so no index entry can outgrow PostgreSQL's limit (about 2.7 kB) whatever an event holds.
ALTER TABLE campaign_index ADD COLUMN name_lower VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE campaign_index ADD COLUMN contact_list_name_lower VARCHAR(200);
ALTER TABLE campaign_index ADD COLUMN tags_key VARCHAR(200) NOT NULL DEFAULT '|';
ALTER TABLE campaign_index ADD COLUMN status_reason_key VARCHAR(200);
ALTER TABLE campaign_index ADD COLUMN first_phone_number VARCHAR(32);
-- The auto-archive time while the warning is on, else null: what the row shows and sorts by.
ALTER TABLE campaign_index ADD COLUMN warned_archive_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE campaign_index ADD COLUMN contacts_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaign_index ADD COLUMN contacts_messaged BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_index ADD COLUMN contacts_dialed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_index ADD COLUMN dials_remaining BIGINT;
ALTER TABLE campaign_index ADD COLUMN messages_delivered BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_index ADD COLUMN links_clicked BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_index ADD COLUMN click_through_rate DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE campaign_index ADD COLUMN cost_micros BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign_index ADD COLUMN callers_logged_in INTEGER NOT NULL DEFAULT 0;

-- Rows indexed before this version: what SQL can derive. Activity figures, contact totals and the first
-- phone number come from events, so such rows get them when the status index is replayed.
UPDATE campaign_index SET
    tab = CASE status
        WHEN 'LAUNCHING' THEN 'active' WHEN 'ACTIVE' THEN 'active'
        WHEN 'SCHEDULED' THEN 'scheduled'
        WHEN 'DRAFT' THEN 'draft' WHEN 'REJECTED' THEN 'draft'
        WHEN 'PAUSED' THEN 'paused' WHEN 'SUSPENDED' THEN 'paused'
        WHEN 'ARCHIVED' THEN 'archived'
        WHEN 'DELETED' THEN 'deleted'
        ELSE 'ended' END,
    name_lower = LOWER(name),
    contact_list_name_lower = LOWER(contact_list_name),
    tags_key = SUBSTRING(tags FROM 1 FOR 200),
    status_reason_key = SUBSTRING(status_reason FROM 1 FOR 200),
    warned_archive_at = CASE WHEN auto_archive_warned THEN auto_archive_at END,
    dials_remaining = CASE WHEN channel = 'VOICE' THEN 0 END;

-- Campaigns per (office, channel, status), changed with every status or office change, so tab counts
-- and page totals never count index rows. A campaign without an office is has_office = FALSE, office ''.
CREATE TABLE campaign_tab_count (
    has_office BOOLEAN      NOT NULL,
    office     VARCHAR(100) NOT NULL,
    channel    VARCHAR(8)   NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    campaigns  BIGINT       NOT NULL,
    PRIMARY KEY (has_office, office, channel, status)
);
INSERT INTO campaign_tab_count (has_office, office, channel, status, campaigns)
    SELECT office IS NOT NULL, COALESCE(office, ''), channel, status, COUNT(*) FROM campaign_index
    GROUP BY office IS NOT NULL, COALESCE(office, ''), channel, status;

-- Per campaign and contact: has it been messaged, has it been dialed (distinct recipients and dials).
-- Ids longer than 100 characters are kept as a digest (see ActivityFigures).
CREATE TABLE campaign_index_contact (
    campaign_id VARCHAR(36)  NOT NULL,
    contact_id  VARCHAR(100) NOT NULL,
    messaged    BOOLEAN      NOT NULL,
    dialed      BOOLEAN      NOT NULL,
    PRIMARY KEY (campaign_id, contact_id)
);

-- Per campaign and caller: logged in now or not, as of the latest login or logout seen.
CREATE TABLE campaign_index_caller (
    campaign_id VARCHAR(36)              NOT NULL,
    caller_id   VARCHAR(100)             NOT NULL,
    logged_in   BOOLEAN                  NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_id, caller_id)
);

-- Superseded by the (tab, column, id) indexes below; fewer indexes to write on every change.
DROP INDEX campaign_index_status;
DROP INDEX campaign_index_updated;
DROP INDEX IF EXISTS campaign_index_name_lower;

CREATE INDEX campaign_index_tab_name ON campaign_index (tab, name_lower, id);
CREATE INDEX campaign_index_tab_channel ON campaign_index (tab, channel, id);
CREATE INDEX campaign_index_tab_status ON campaign_index (tab, status, id);
CREATE INDEX campaign_index_tab_office ON campaign_index (tab, office, id);
CREATE INDEX campaign_index_tab_contact_list ON campaign_index (tab, contact_list_name_lower, id);
CREATE INDEX campaign_index_tab_operated_by ON campaign_index (tab, operated_by, id);
CREATE INDEX campaign_index_tab_tags ON campaign_index (tab, tags_key, id);
CREATE INDEX campaign_index_tab_created ON campaign_index (tab, created_at, id);
CREATE INDEX campaign_index_tab_updated ON campaign_index (tab, updated_at, id);
CREATE INDEX campaign_index_tab_launched ON campaign_index (tab, launched_at, id);
CREATE INDEX campaign_index_tab_start ON campaign_index (tab, start_at, id);
CREATE INDEX campaign_index_tab_end ON campaign_index (tab, end_at, id);
-- Also the scheduled calendar's: SCHEDULED rows by launch time.
CREATE INDEX campaign_index_tab_launch ON campaign_index (tab, launch_at, id);
CREATE INDEX campaign_index_tab_warned_archive ON campaign_index (tab, warned_archive_at, id);
CREATE INDEX campaign_index_tab_archive_reason ON campaign_index (tab, archive_reason, id);
CREATE INDEX campaign_index_tab_suspended_reason ON campaign_index (tab, suspended_reason, id);
CREATE INDEX campaign_index_tab_status_reason ON campaign_index (tab, status_reason_key, id);
CREATE INDEX campaign_index_tab_error ON campaign_index (tab, error_code, id);
CREATE INDEX campaign_index_tab_phone ON campaign_index (tab, first_phone_number, id);
CREATE INDEX campaign_index_tab_recipients ON campaign_index (tab, contacts_messaged, id);
CREATE INDEX campaign_index_tab_ctr ON campaign_index (tab, click_through_rate, id);
CREATE INDEX campaign_index_tab_cost ON campaign_index (tab, cost_micros, id);
CREATE INDEX campaign_index_tab_callers ON campaign_index (tab, callers_logged_in, id);
CREATE INDEX campaign_index_tab_dials ON campaign_index (tab, dials_remaining, id);
