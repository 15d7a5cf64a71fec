-- A claim on an Idempotency-Key is leased: the node running its request (node_id) renews lease_until,
-- and a re-sent request takes over a claim whose lease ran out (its node died). claim_id names one run,
-- so a run whose claim was taken over can neither commit its command nor keep its answer.
-- committed_at is set in the command's own transaction, with the answer the command makes: a key whose
-- command committed is answered from it and never released.
ALTER TABLE idempotency_key ADD COLUMN claim_id VARCHAR(36);
ALTER TABLE idempotency_key ADD COLUMN node_id VARCHAR(200);
ALTER TABLE idempotency_key ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE idempotency_key ADD COLUMN committed_at TIMESTAMP WITH TIME ZONE;
