-- The analytics read model (docs/lifecycle.md; processing group "analytics"). Every figure is kept as
-- activity arrives, so a query reads one row, part of a histogram and at most a few hundred buckets; no
-- query counts or sums raw records. Keys of contacts, messages and callers are the sender's ids, or a
-- digest of ids too long for the column. Every lookup is by a primary key or its prefix.

-- One row per campaign: who may see it, its range of activity, and its running counters.
CREATE TABLE analytics_campaign (
    campaign_id        VARCHAR(36)              NOT NULL PRIMARY KEY,
    office             VARCHAR(100),
    deleted            BOOLEAN                  NOT NULL DEFAULT FALSE,
    version            BIGINT                   NOT NULL,
    contact_total      BIGINT                   NOT NULL DEFAULT 0,
    launched_at        TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE,
    messages           BIGINT                   NOT NULL DEFAULT 0,
    delivered          BIGINT                   NOT NULL DEFAULT 0,
    undelivered        BIGINT                   NOT NULL DEFAULT 0,
    contacts_messaged  BIGINT                   NOT NULL DEFAULT 0,
    contacts_responded BIGINT                   NOT NULL DEFAULT 0,
    contacts_engaged   BIGINT                   NOT NULL DEFAULT 0,
    contacts_opted_out BIGINT                   NOT NULL DEFAULT 0,
    contact_replies    BIGINT                   NOT NULL DEFAULT 0,
    agent_replies      BIGINT                   NOT NULL DEFAULT 0,
    bot_replies        BIGINT                   NOT NULL DEFAULT 0,
    response_samples   BIGINT                   NOT NULL DEFAULT 0,
    cost_micros        BIGINT                   NOT NULL DEFAULT 0,
    link_clicks        BIGINT                   NOT NULL DEFAULT 0,
    dials              BIGINT                   NOT NULL DEFAULT 0,
    contacts_dialed    BIGINT                   NOT NULL DEFAULT 0,
    callers_logged_in  BIGINT                   NOT NULL DEFAULT 0
);

-- Each message's latest receipt, so a later receipt moves the counters instead of adding to them.
CREATE TABLE analytics_message (
    campaign_id  VARCHAR(36)              NOT NULL,
    message_key  VARCHAR(100)             NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    state_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, message_key)
);

-- Each contact (conversation): what it has done once, and its earliest message the agent has not answered.
CREATE TABLE analytics_contact (
    campaign_id     VARCHAR(36)              NOT NULL,
    contact_key     VARCHAR(100)             NOT NULL,
    messaged        BOOLEAN                  NOT NULL,
    responded       BOOLEAN                  NOT NULL,
    opted_out       BOOLEAN                  NOT NULL,
    dialed          BOOLEAN                  NOT NULL,
    awaiting_since  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, contact_key)
);

-- Each caller's latest login state.
CREATE TABLE analytics_caller (
    campaign_id  VARCHAR(36)              NOT NULL,
    caller_key   VARCHAR(100)             NOT NULL,
    logged_in    BOOLEAN                  NOT NULL,
    state_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_id, caller_key)
);

-- Agent response times as a histogram (whole seconds -> samples), and the same counted per quarter
-- hour (band = seconds / 900): the exact median walks the bands to the middle sample, then the
-- seconds of at most two bands, so it reads a few thousand rows however many replies there were.
CREATE TABLE analytics_response_time (
    campaign_id  VARCHAR(36) NOT NULL,
    seconds      BIGINT      NOT NULL,
    samples      BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, seconds)
);

CREATE TABLE analytics_response_band (
    campaign_id  VARCHAR(36) NOT NULL,
    band         BIGINT      NOT NULL,
    samples      BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, band)
);

-- Contact message activity per UTC hour, day, month and year (granularity HOUR, DAY, MONTH, YEAR).
CREATE TABLE analytics_activity_bucket (
    campaign_id   VARCHAR(36)              NOT NULL,
    granularity   VARCHAR(5)               NOT NULL,
    bucket_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    inbound       BIGINT                   NOT NULL,
    outbound      BIGINT                   NOT NULL,
    PRIMARY KEY (campaign_id, granularity, bucket_start)
);
