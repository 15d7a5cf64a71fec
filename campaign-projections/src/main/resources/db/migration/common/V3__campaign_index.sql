CREATE TABLE campaign_index (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    channel             VARCHAR(8)   NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    office              VARCHAR(100),
    settings            TEXT NOT NULL,
    phone_numbers       TEXT NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    launched_at         TIMESTAMP WITH TIME ZONE,
    launch_at           TIMESTAMP WITH TIME ZONE,
    status_reason       VARCHAR(2000),
    archive_reason      VARCHAR(32),
    suspended_reason    VARCHAR(500),
    error_code          VARCHAR(500),
    error_message       VARCHAR(500),
    auto_archive_at     TIMESTAMP WITH TIME ZONE,
    auto_archive_warned BOOLEAN      NOT NULL DEFAULT FALSE,
    cloned_from         VARCHAR(36),
    version             BIGINT       NOT NULL
);
CREATE INDEX campaign_index_status ON campaign_index (status);
