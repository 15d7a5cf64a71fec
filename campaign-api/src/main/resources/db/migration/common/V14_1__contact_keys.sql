-- Erasure (issue 10): one AES-256 key per contact (Base64), under which its name and phone number are
-- sealed wherever the engine keeps them. Forgetting a contact destroys its key (secret NULL) and records
-- when and by whom; the row stays, so a later record naming the contact cannot bring its data back.
CREATE TABLE contact_key (
    contact_id   VARCHAR(100)             NOT NULL,
    secret       VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    forgotten_at TIMESTAMP WITH TIME ZONE,
    forgotten_by VARCHAR(255),
    PRIMARY KEY (contact_id)
);
