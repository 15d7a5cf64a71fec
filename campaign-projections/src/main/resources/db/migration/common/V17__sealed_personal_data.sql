-- Erasure (issue 10): contact names and phone numbers reach the read models sealed under their contact's
-- key (pii:v1:...), longer than the plain text, and are opened only when a page is read. The lower-case
-- and digits-only search copies held plain text, so they go: search opens the values instead. A forgotten
-- contact's values are marked erased across campaigns, found by contact id.
ALTER TABLE campaign_contact ALTER COLUMN name SET DATA TYPE VARCHAR(1200);
ALTER TABLE campaign_contact ALTER COLUMN phone SET DATA TYPE VARCHAR(300);
ALTER TABLE campaign_conversation ALTER COLUMN name SET DATA TYPE VARCHAR(1200);
ALTER TABLE campaign_conversation ALTER COLUMN phone SET DATA TYPE VARCHAR(300);
ALTER TABLE campaign_conversation DROP COLUMN name_key;
ALTER TABLE campaign_conversation DROP COLUMN phone_key;
ALTER TABLE campaign_conversation DROP COLUMN phone_digits;
CREATE INDEX campaign_contact_by_contact ON campaign_contact (contact_id);
CREATE INDEX campaign_conversation_by_contact ON campaign_conversation (contact_id);
