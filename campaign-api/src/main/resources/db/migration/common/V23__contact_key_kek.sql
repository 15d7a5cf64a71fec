-- Contact keys wrapped by a key-encryption key kept outside the database: the id of the one that wrapped
-- each key. Migration 23.1 wraps the keys stored until now in clear; a rotation re-wraps rows by this id.
ALTER TABLE contact_key ADD COLUMN kek_id VARCHAR(32);
CREATE INDEX contact_key_kek ON contact_key (kek_id);
