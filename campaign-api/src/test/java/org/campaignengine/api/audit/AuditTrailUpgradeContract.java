package org.campaignengine.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Upgrading a store whose audit trail and anchors were written at the tokens' positions (migration 19): the
 * trail is emptied and its processor's tokens go, so the engine rebuilds it from the events as it starts;
 * each anchor names its event's own position again, its anchor value untouched; other processors keep
 * their tokens.
 */
abstract class AuditTrailUpgradeContract {

    abstract HikariDataSource storeAtVersion18();

    abstract String vendor();

    @Test
    void the_trail_is_rebuilt_from_the_events_and_anchors_name_their_events_own_positions() {
        try (HikariDataSource dataSource = storeAtVersion18()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long early = event(jdbc, "early-event");
            long late = event(jdbc, "late-event");
            // the late event was handed over at the highest position seen and listed there, over the early one
            jdbc.update("INSERT INTO audit_event (global_index, event_id, campaign_id, event_type, occurred_at) "
                    + "VALUES (?, 'late-event', 'c-1', 'ActivityRecorded', ?)", late, OffsetDateTime.now(ZoneOffset.UTC));
            anchor(jdbc, 1, "early-event", early);
            anchor(jdbc, 2, "late-event", late + 5);
            token(jdbc, "audit-trail", 0);
            token(jdbc, "audit-trail", 1);
            token(jdbc, "status-index", 0);

            MigratedDatabase.migrate(dataSource, vendor(), "19");

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event", Long.class)).isZero();
            assertThat(jdbc.queryForList("SELECT processorName FROM TokenEntry", String.class))
                    .containsExactly("status-index");
            assertThat(jdbc.queryForList("SELECT global_index FROM chain_anchor ORDER BY position", Long.class))
                    .containsExactly(early, late);
            assertThat(jdbc.queryForList("SELECT anchor FROM chain_anchor ORDER BY position", String.class))
                    .containsExactly("a".repeat(64), "a".repeat(64));
        }
    }

    private static long event(JdbcTemplate jdbc, String id) {
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload, "
                        + "payloadType, timeStamp) VALUES (?, 0, NULL, ?, ?, 'Activity', '2026-01-01T00:00:00Z')", id, id,
                "{}".getBytes(StandardCharsets.UTF_8));
        Long position = jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?",
                Long.class, id);
        return position == null ? -1 : position;
    }

    private static void anchor(JdbcTemplate jdbc, long position, String eventId, long globalIndex) {
        jdbc.update("INSERT INTO chain_anchor (position, event_id, global_index, anchor, anchored_at) VALUES (?, ?, ?, ?, ?)",
                position, eventId, globalIndex, "a".repeat(64), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static void token(JdbcTemplate jdbc, String processor, int segment) {
        jdbc.update("INSERT INTO TokenEntry (processorName, segment, owner) VALUES (?, ?, NULL)", processor, segment);
    }
}
