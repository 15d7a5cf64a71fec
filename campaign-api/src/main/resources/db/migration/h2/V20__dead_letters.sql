-- Events a read model could not handle, set aside per processing group and campaign (Axon's JDBC
-- dead-letter queue, one table for every group). Column names and types are those Axon's statements
-- use; its times are ISO-8601 text.
CREATE TABLE DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BLOB          NOT NULL,
    metaData             BLOB,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BLOB,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BLOB,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
