package org.campaignengine.projections.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.campaignengine.domain.audit.AuditRecord;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.campaignengine.projections.tables.Columns;
import org.campaignengine.projections.tables.CommitBuffer;
import org.campaignengine.projections.tables.Databases;
import org.campaignengine.projections.tables.KeyLookup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organisation-wide audit trail: every stored event, lifecycle, activity and the auditors' own
 * actions, with its global position, campaign, type, time, actor and request. Each row holds the event's
 * own position in the store ({@link EventPositions}), never the processor token's highest position seen,
 * which an event that committed late would share with another. A batch's rows are written with one
 * statement when the processor commits it; a position already holding another event fails the batch
 * loudly instead of being skipped. Its own processing group, so it can be replayed alone.
 */
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "audit-trail";
    static final String ACTOR = "actor";
    static final String REQUEST_ID = "requestId";
    private static final String PENDING = AuditTrailProjection.class.getName() + ".pending";
    private static final int TEXT_WIDTH = 255;

    /** An event taken in, waiting for its own position when the batch commits. */
    private record Row(EventPositions.Handed event, String campaignId, Long sequence, String type, Object occurredAt,
                       String actor, String requestId) {

        Object[] at(long position) {
            return new Object[]{position, event.eventId(), campaignId, sequence, type, occurredAt, actor, requestId};
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail trail;
    private final EventPositions positions;

    public AuditTrailProjection(JdbcTemplate jdbc, EventPositions positions) {
        this.jdbc = jdbc;
        this.trail = new AuditTrail(jdbc);
        this.positions = positions;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        Long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        pending().add(new Row(new EventPositions.Handed(message.getIdentifier(), position(token)), campaignOf(message),
                sequence, Columns.clip(message.getPayloadType().getSimpleName(), 100), Columns.time(message.getTimestamp()),
                text(message.getMetaData().get(ACTOR)), text(message.getMetaData().get(REQUEST_ID))));
    }

    @ResetHandler
    void reset() {
        jdbc.execute(Databases.isPostgres(jdbc) ? "TRUNCATE TABLE audit_event" : "DELETE FROM audit_event");
    }

    @QueryHandler
    AuditTrail.Page handle(ListAuditEvents query) {
        return trail.page(query);
    }

    /** The campaign an event is about; only an auditor's own record is opened to learn it. */
    static String campaignOf(EventMessage<?> message) {
        return CampaignMessages.campaignOf(message).orElseGet(() -> AuditRecord.class.isAssignableFrom(
                message.getPayloadType()) ? ((AuditRecord) message.getPayload()).campaignId() : null);
    }

    private static long position(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            throw new IllegalStateException("the audit trail is built by a tracking processor, which knows "
                    + "each event's global position");
        }
        return token.position().getAsLong();
    }

    private static String text(Object value) {
        return value == null ? null : Columns.clip(value.toString(), TEXT_WIDTH);
    }

    private List<Row> pending() {
        return CommitBuffer.pending(PENDING, this::write);
    }

    /**
     * Writes each event at its own position. An event found at its position already (handed over again)
     * is not written twice; a position that holds another event means the trail is wrong, and the batch
     * fails rather than hide it.
     */
    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Row> byEvent = new LinkedHashMap<>();
        rows.forEach(row -> byEvent.putIfAbsent(row.event().eventId(), row));
        Map<String, Long> own = positions.of(byEvent.values().stream().map(Row::event).toList());
        Map<Long, String> taken = stored(own.values());
        List<Object[]> fresh = new ArrayList<>();
        for (Row row : byEvent.values()) {
            long position = own.get(row.event().eventId());
            String there = taken.get(position);
            if (there == null) {
                fresh.add(row.at(position));
            } else if (!there.equals(row.event().eventId())) {
                throw new IllegalStateException("the audit trail holds event " + there + " at position " + position
                        + ", where the store holds event " + row.event().eventId());
            }
        }
        jdbc.batchUpdate("INSERT INTO audit_event (global_index, event_id, campaign_id, sequence_number, event_type, "
                + "occurred_at, actor, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", fresh);
    }

    /** The events the trail holds at these positions already. */
    private Map<Long, String> stored(Collection<Long> at) {
        Map<Long, String> taken = new HashMap<>();
        new KeyLookup(jdbc).byUniqueKey("global_index, event_id", "audit_event", "global_index", Long.class, at, rs -> {
            taken.put(rs.getLong(1), rs.getString(2));
        });
        return taken;
    }
}
