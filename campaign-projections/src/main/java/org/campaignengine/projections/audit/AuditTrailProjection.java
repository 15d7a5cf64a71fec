package org.campaignengine.projections.audit;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.campaignengine.domain.audit.AuditRecord;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.campaignengine.projections.Columns;
import org.campaignengine.projections.CommitBuffer;
import org.campaignengine.projections.Databases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organisation-wide audit trail (LIFECYCLE.md §9): every stored event, lifecycle, activity and the
 * auditors' own actions, with its global position, campaign, type, time, actor and request. A batch's
 * rows are written with one statement when the processor commits it. Its own processing group, so it
 * can be replayed alone.
 */
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "audit-trail";
    static final String ACTOR = "actor";
    static final String REQUEST_ID = "requestId";
    private static final String PENDING = AuditTrailProjection.class.getName() + ".pending";
    private static final int TEXT_WIDTH = 255;

    private final JdbcTemplate jdbc;
    private final AuditTrail trail;

    public AuditTrailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.trail = new AuditTrail(jdbc);
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        long position = position(token);
        Long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        pending().add(new Object[]{position, message.getIdentifier(), campaignOf(message), sequence,
                Columns.clip(message.getPayloadType().getSimpleName(), 100), Columns.time(message.getTimestamp()),
                text(message.getMetaData().get(ACTOR)), text(message.getMetaData().get(REQUEST_ID))});
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

    private List<Object[]> pending() {
        return CommitBuffer.pending(PENDING, this::write);
    }

    /** Idempotent: a batch handed over again after a failed commit writes nothing twice. */
    private void write(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String columns = "(global_index, event_id, campaign_id, sequence_number, event_type, occurred_at, actor, "
                + "request_id) ";
        String sql = Databases.isPostgres(jdbc)
                ? "INSERT INTO audit_event " + columns + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (global_index) DO NOTHING"
                : "MERGE INTO audit_event " + columns + "KEY (global_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.batchUpdate(sql, rows);
    }
}
