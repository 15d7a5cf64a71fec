-- The audit trail and the anchors recorded each event at its processor token's position. For an event that
-- committed late (behind a newer one, a gap in the global index) that is the highest position seen, not the
-- event's own: such an event was listed at another event's position, or not at all. Engines from this
-- version on record each event's own position. The trail is rebuilt from the events: it is emptied and its
-- processor's tokens go, so the processor starts again from the first event when the engine starts (a replay
-- of audit-trail, without anyone asking for it). The anchors are evidence and are never replayed: only the
-- position each one names is corrected; the anchor values, which cover the event links, are unchanged.
TRUNCATE TABLE audit_event;
DELETE FROM TokenEntry WHERE processorName = 'audit-trail';
UPDATE chain_anchor SET global_index = (
    SELECT e.globalIndex FROM DomainEventEntry e WHERE e.eventIdentifier = chain_anchor.event_id)
WHERE EXISTS (SELECT 1 FROM DomainEventEntry e
              WHERE e.eventIdentifier = chain_anchor.event_id AND e.globalIndex <> chain_anchor.global_index);
