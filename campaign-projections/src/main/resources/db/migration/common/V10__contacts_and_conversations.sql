-- Two read models of a campaign's activity (docs/lifecycle.md), each replayable alone: its reset empties
-- only its own tables. Each keeps a row per campaign with what the HTTP side asks before a page (office,
-- deleted, version for minVersion) and the page totals, counted as events arrive.

-- Contacts (processing group "contacts"): delivery status of each contact's latest message, and opt-out.
CREATE TABLE contacts_campaign (
    campaign_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    office        VARCHAR(100),
    deleted       BOOLEAN      NOT NULL DEFAULT FALSE,
    version       BIGINT       NOT NULL,
    contacts      BIGINT       NOT NULL DEFAULT 0,
    pending       BIGINT       NOT NULL DEFAULT 0,
    retrying      BIGINT       NOT NULL DEFAULT 0,
    delivered     BIGINT       NOT NULL DEFAULT 0,
    undelivered   BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE campaign_contact (
    campaign_id       VARCHAR(36)   NOT NULL,
    contact_id        VARCHAR(100)  NOT NULL,
    name              VARCHAR(300),
    phone             VARCHAR(64),
    delivery          VARCHAR(16),
    failed_reason     VARCHAR(1000),
    message_id        VARCHAR(200),
    sent_at           TIMESTAMP WITH TIME ZONE,
    delivery_at       TIMESTAMP WITH TIME ZONE,
    opted_out         BOOLEAN       NOT NULL DEFAULT FALSE,
    last_activity_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_id, contact_id)
);
-- Pages filtered by delivery, in contact id order (unfiltered pages use the primary key).
CREATE INDEX campaign_contact_delivery ON campaign_contact (campaign_id, delivery, contact_id);

-- Conversations (processing group "conversations"). operated_by is the campaign's default operator.
CREATE TABLE conversations_campaign (
    campaign_id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    office             VARCHAR(100),
    deleted            BOOLEAN      NOT NULL DEFAULT FALSE,
    version            BIGINT       NOT NULL,
    operated_by        VARCHAR(32)  NOT NULL DEFAULT 'AGENT',
    needs_attention    BIGINT       NOT NULL DEFAULT 0,
    agent              BIGINT       NOT NULL DEFAULT 0,
    virtual_assistant  BIGINT       NOT NULL DEFAULT 0
);

-- A row per contact any record named, so a conversation that begins later still knows the name and
-- phone an earlier send carried; section stays NULL until the conversation begins. The *_key columns are
-- the searchable forms (lower case; the phone's digits only), made in Java so both databases match alike.
CREATE TABLE campaign_conversation (
    campaign_id        VARCHAR(36)   NOT NULL,
    contact_id         VARCHAR(100)  NOT NULL,
    name               VARCHAR(300),
    phone              VARCHAR(64),
    name_key           VARCHAR(300),
    phone_key          VARCHAR(64),
    phone_digits       VARCHAR(64),
    section            VARCHAR(32),
    needs_attention    BOOLEAN       NOT NULL DEFAULT FALSE,
    operated_by        VARCHAR(32),
    chosen_operator    VARCHAR(32),
    last_message_at    TIMESTAMP WITH TIME ZONE,
    last_message_type  VARCHAR(32),
    last_message_id    VARCHAR(200),
    activity_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, contact_id)
);
-- Pages of one section, and of all conversations, most recent activity first, then by contact id.
CREATE INDEX campaign_conversation_section
    ON campaign_conversation (campaign_id, section, activity_at DESC, contact_id);
CREATE INDEX campaign_conversation_recent
    ON campaign_conversation (campaign_id, activity_at DESC, contact_id);

-- One row per tag of a conversation (tag_position: the order they were added), so the tag filter is an
-- indexed equality, not a LIKE.
CREATE TABLE campaign_conversation_tag (
    campaign_id  VARCHAR(36)   NOT NULL,
    contact_id   VARCHAR(100)  NOT NULL,
    tag          VARCHAR(30)   NOT NULL,
    tag_position INTEGER       NOT NULL,
    PRIMARY KEY (campaign_id, contact_id, tag)
);
CREATE INDEX campaign_conversation_tag_filter ON campaign_conversation_tag (campaign_id, tag, contact_id);
