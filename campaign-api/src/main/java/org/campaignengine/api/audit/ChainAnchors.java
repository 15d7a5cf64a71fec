package org.campaignengine.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.campaignengine.api.eventstore.EventLinks;
import org.campaignengine.projections.audit.EventPositions;
import org.campaignengine.projections.tables.Columns;
import org.campaignengine.projections.tables.CommitBuffer;
import org.campaignengine.projections.tables.KeyLookup;
import org.springframework.jdbc.core.JdbcTemplate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Anchors every campaign's chain into one (issue 10): each event, in the order this processor sees it,
 * extends the anchor chain by its link, so the last anchor (the head) covers every event before it, and a
 * head kept elsewhere proves later that nothing before it was rewritten. One segment, so one node anchors
 * at a time and the order is one; never replayed, since anchors are evidence, not a read model. Appends
 * themselves never wait for it: it follows the store like any processor.
 */
@ProcessingGroup(ChainAnchors.PROCESSING_GROUP)
@DisallowReplay
public class ChainAnchors {

    public static final String PROCESSING_GROUP = "audit-anchor";
    private static final String PENDING = ChainAnchors.class.getName() + ".pending";

    /** The last anchor: its position (events anchored so far), event, global index, value and time. */
    @Schema(name = "ChainHead", description = "The head of the anchored event chains. Keep a copy elsewhere: "
            + "`GET /api/v1/audit/verify?position=&anchor=` later proves nothing stored before it was rewritten.")
    public record Head(
            @Schema(description = "How many events are anchored so far.", example = "10452") long position,
            @Schema(description = "The last anchored event's id; null before any event.",
                    example = "5b0d7c1e-2f4a-4e3b-8c9d-0a1b2c3d4e5f", nullable = true) String eventId,
            @Schema(description = "The last anchored event's global position.", example = "10451") long globalIndex,
            @Schema(description = "The anchor value: 64 lower-case hexadecimal digits.",
                    example = "9f2c0e4b7a1d3f5e8c6b0a2d4f6e8c0b2a4d6f8e0c2b4a6d8f0e2c4b6a8d0f2e") String anchor,
            @Schema(description = "When the anchor was written; null before any event.",
                    example = "2026-12-05T10:15:01Z", nullable = true) Instant anchoredAt) {
    }

    private final JdbcTemplate jdbc;
    private final EventPositions positions;

    /** {@code positions}: each anchored event's own global position, which a gap-aware token does not always give. */
    public ChainAnchors(JdbcTemplate jdbc, EventPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(EventMessage<?> message, TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            throw new IllegalStateException("anchors follow a tracking processor, which knows each event's position");
        }
        pending().add(new EventPositions.Handed(message.getIdentifier(), token.position().getAsLong()));
    }

    public Optional<Head> head() {
        return jdbc.query("SELECT position, event_id, global_index, anchor, anchored_at FROM chain_anchor "
                        + "ORDER BY position DESC LIMIT 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Columns.instant(rs, "anchored_at"))).stream().findFirst();
    }

    private List<EventPositions.Handed> pending() {
        return CommitBuffer.pending(PENDING, this::anchor);
    }

    private void anchor(List<EventPositions.Handed> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, String> links = links(events);
        Map<String, Long> own = positions.of(events);
        Optional<Head> head = head();
        long position = head.map(Head::position).orElse(0L);
        String anchor = head.map(Head::anchor).orElse(EventLinks.GENESIS);
        Object at = Columns.time(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (EventPositions.Handed event : events) {
            // an event stored without a link (by an engine older than the chain) anchors as unlinked; verify names it
            anchor = EventLinks.anchor(anchor, links.getOrDefault(event.eventId(), EventLinks.GENESIS));
            rows.add(new Object[]{++position, event.eventId(), own.get(event.eventId()), anchor, at});
        }
        jdbc.batchUpdate("INSERT INTO chain_anchor (position, event_id, global_index, anchor, anchored_at) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
    }

    private Map<String, String> links(List<EventPositions.Handed> events) {
        Map<String, String> links = new HashMap<>();
        new KeyLookup(jdbc).byUniqueKey("event_id, link", "event_link", "event_id", String.class,
                events.stream().map(EventPositions.Handed::eventId).toList(), rs -> {
                    links.put(rs.getString(1), rs.getString(2));
                });
        return links;
    }
}
