-- Every kept contact key is wrapped (migration 23.1 wrapped those stored before): a key without the id of
-- its key-encryption key is refused, not stored in clear.
ALTER TABLE contact_key ADD CONSTRAINT contact_key_wrapped CHECK (secret IS NULL OR kek_id IS NOT NULL);
