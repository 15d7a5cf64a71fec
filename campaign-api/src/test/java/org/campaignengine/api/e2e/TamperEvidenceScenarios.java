package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;
import static org.campaignengine.api.e2e.Campaigns.record;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.campaignengine.api.audit.LinkStoredEvents;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.campaignengine.api.eventstore.EventLinks;
import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tamper evidence (issue 10): every stored event is linked into its campaign's hash chain and the chains
 * are anchored together; rows altered, added or removed directly in the database, even with their links
 * and anchors recomputed, are named by {@code GET /api/v1/audit/verify}. Each test puts the rows back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD})
abstract class TamperEvidenceScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @Test
    void an_untouched_store_verifies_and_every_event_is_anchored() {
        String id = withHistory("Untouched canvass");
        JsonNode report = settledReport();
        assertThat(report.path("verified").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("events").asLong()).isEqualTo(storedEvents());
        assertThat(report.has("firstBadSequence")).isTrue();
        assertThat(report.path("firstBadSequence").isNull()).isTrue();
        JsonNode head = admin.get("/api/v1/audit/head").body();
        assertThat(head.path("position").asLong()).isEqualTo(report.path("anchored").asLong());
        assertThat(head.path("anchor").asText()).isEqualTo(report.path("head").asText()).hasSize(64);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM TokenEntry WHERE processorName = 'audit-anchor'", Long.class))
                .as("one segment: one node anchors at a time, in one order").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_link WHERE chain_id = ?", Long.class, id))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                        Long.class, id));
    }

    @Test
    void one_altered_event_row_is_named_by_its_global_position() {
        String id = withHistory("Altered canvass");
        settledReport();
        long launched = globalIndexOf(id, "Launched");
        byte[] original = payloadAt(launched);
        String forged = new String(original, StandardCharsets.UTF_8).replace(id, id.replace('-', '0'));
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                forged.getBytes(StandardCharsets.UTF_8), launched);
        try {
            JsonNode report = admin.get("/api/v1/audit/verify").body();
            assertThat(report.path("verified").asBoolean()).isFalse();
            assertThat(report.path("firstBadSequence").asLong()).isEqualTo(launched);
            assertThat(report.path("firstBad").path("chainId").asText()).isEqualTo(id);
            assertThat(report.path("firstBad").path("problem").asText()).contains("stored bytes");
        } finally {
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", original, launched);
        }
        assertThat(admin.get("/api/v1/audit/verify").body().path("verified").asBoolean()).isTrue();
    }

    @Test
    void a_chain_rewritten_with_its_links_recomputed_is_caught_by_the_anchors_and_by_a_kept_head() {
        String id = withHistory("Rewritten canvass");
        settledReport();
        JsonNode kept = admin.get("/api/v1/audit/head").body();
        long paused = globalIndexOf(id, "Paused");
        long sequence = jdbc.queryForObject("SELECT sequenceNumber FROM DomainEventEntry WHERE globalIndex = ?",
                Long.class, paused);
        String before = jdbc.queryForObject("SELECT link FROM event_link WHERE chain_id = ? AND chain_seq = ?",
                String.class, id, sequence - 1);
        byte[] originalMeta = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE globalIndex = ?",
                byte[].class, paused);
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                "{\"actor\":\"someone-else\"}".getBytes(StandardCharsets.UTF_8), paused);
        try {
            relinkFrom(id, sequence, before);
            JsonNode report = admin.get("/api/v1/audit/verify").body();
            assertThat(report.path("verified").asBoolean()).isFalse();
            assertThat(report.path("firstBadSequence").asLong()).isEqualTo(paused);
            assertThat(report.path("firstBad").path("problem").asText()).contains("anchor");

            // the anchors rewritten too: only a head kept elsewhere can tell
            reanchorAll();
            assertThat(admin.get("/api/v1/audit/verify").body().path("verified").asBoolean()).isTrue();
            JsonNode rewritten = admin.get("/api/v1/audit/verify?position=" + kept.path("position").asLong()
                    + "&anchor=" + kept.path("anchor").asText()).body();
            assertThat(rewritten.path("keptHeadMatches").asBoolean()).isFalse();
            assertThat(rewritten.path("verified").asBoolean()).isFalse();
        } finally {
            jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?", originalMeta, paused);
            relinkFrom(id, sequence, before);
            reanchorAll();
        }
        JsonNode restored = admin.get("/api/v1/audit/verify?position=" + kept.path("position").asLong()
                + "&anchor=" + kept.path("anchor").asText()).body();
        assertThat(restored.path("keptHeadMatches").asBoolean()).isTrue();
        assertThat(restored.path("verified").asBoolean()).isTrue();
    }

    @Test
    void a_row_added_outside_the_engine_and_a_row_removed_are_both_named() {
        String id = withHistory("Forged canvass");
        settledReport();
        long created = globalIndexOf(id, "Created");
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                + "payload, payloadRevision, payloadType, timeStamp) SELECT aggregateIdentifier, 99, type, 'forged-event', "
                + "metaData, payload, payloadRevision, payloadType, timeStamp FROM DomainEventEntry WHERE globalIndex = ?",
                created);
        long forged = jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = 'forged-event'",
                Long.class);
        // the audit trail lists the forged row too, as it lists every stored event; it goes with the row below
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE event_id = 'forged-event'", Long.class) == 1);
        try {
            JsonNode report = admin.get("/api/v1/audit/verify").body();
            assertThat(report.path("verified").asBoolean()).isFalse();
            assertThat(report.path("firstBadSequence").asLong()).isEqualTo(forged);
            assertThat(report.path("firstBad").path("problem").asText()).contains("without a link");
        } finally {
            jdbc.update("DELETE FROM DomainEventEntry WHERE eventIdentifier = 'forged-event'");
            jdbc.update("DELETE FROM audit_event WHERE event_id = 'forged-event'");
        }

        long resumed = globalIndexOf(id, "Resumed");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM DomainEventEntry WHERE globalIndex = ?", resumed);
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", resumed);
        try {
            JsonNode report = admin.get("/api/v1/audit/verify").body();
            assertThat(report.path("verified").asBoolean()).isFalse();
            assertThat(report.path("firstBadSequence").asLong()).isEqualTo(resumed);
            assertThat(report.path("firstBad").path("problem").asText()).contains("gone");
        } finally {
            restore(row);
        }
        assertThat(admin.get("/api/v1/audit/verify").body().path("verified").asBoolean()).isTrue();
    }

    @Test
    void verify_names_the_first_position_where_the_audit_trail_differs_from_the_store() {
        String id = withHistory("Trail canvass");
        JsonNode settled = settledReport();
        assertThat(settled.path("trail").path("matches").asBoolean()).as(settled.toString()).isTrue();
        assertThat(settled.path("trail").path("events").asLong()).isEqualTo(storedEvents());
        long paused = globalIndexOf(id, "Paused");
        long resumed = globalIndexOf(id, "Resumed");
        Map<String, Object> listed = jdbc.queryForMap("SELECT * FROM audit_event WHERE global_index = ?", paused);
        String resumedId = jdbc.queryForObject("SELECT event_id FROM audit_event WHERE global_index = ?", String.class,
                resumed);
        jdbc.update("DELETE FROM audit_event WHERE global_index = ?", paused);
        jdbc.update("UPDATE audit_event SET event_id = ? WHERE global_index = ?", "someone-elses-event", resumed);
        try {
            JsonNode report = admin.get("/api/v1/audit/verify").body();
            assertThat(report.path("verified").asBoolean()).isFalse();
            assertThat(report.path("firstBad").isNull()).as("the chain itself is intact").isTrue();
            JsonNode trail = report.path("trail");
            assertThat(trail.path("matches").asBoolean()).isFalse();
            assertThat(trail.path("missing").asLong()).as(report.toString()).isEqualTo(2);
            assertThat(trail.path("events").asLong()).isEqualTo(storedEvents() - 1);
            assertThat(trail.path("firstDifference").path("globalIndex").asLong()).isEqualTo(paused);
            assertThat(trail.path("firstDifference").path("problem").asText()).contains("does not list");
        } finally {
            jdbc.update("UPDATE audit_event SET event_id = ? WHERE global_index = ?", resumedId, resumed);
            jdbc.update("INSERT INTO audit_event (global_index, event_id, campaign_id, sequence_number, event_type, "
                    + "occurred_at, actor, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", value(listed, "global_index"),
                    value(listed, "event_id"), value(listed, "campaign_id"), value(listed, "sequence_number"),
                    value(listed, "event_type"), value(listed, "occurred_at"), value(listed, "actor"),
                    value(listed, "request_id"));
        }
        assertThat(admin.get("/api/v1/audit/verify").body().path("verified").asBoolean()).isTrue();
    }

    @Test
    void links_recomputed_from_the_stored_rows_by_the_upgrade_migration_equal_those_written_at_append() throws Exception {
        withHistory("Upgraded canvass");
        settledReport();
        List<Map<String, Object>> written = jdbc.queryForList("SELECT event_id, chain_id, chain_seq, link FROM event_link "
                + "ORDER BY event_id");
        jdbc.update("DELETE FROM event_link");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new LinkStoredEvents().migrate(MigratedDatabase.context(connection));
            connection.commit();
        }
        assertThat(jdbc.queryForList("SELECT event_id, chain_id, chain_seq, link FROM event_link ORDER BY event_id"))
                .isEqualTo(written);
        assertThat(admin.get("/api/v1/audit/verify").body().path("verified").asBoolean()).isTrue();
    }

    @Test
    void verify_refuses_half_a_kept_head_and_a_malformed_anchor() {
        assertThat(admin.get("/api/v1/audit/verify?position=3").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/verify?position=3&anchor=XYZ").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/audit/verify?position=-1&anchor=" + EventLinks.GENESIS).status()).isEqualTo(400);
    }

    /** A campaign created, launched, paused, resumed, with activity and an export: lifecycle, activity and audit events. */
    private String withHistory(String name) {
        Reply created = admin.post(CAMPAIGNS, readySms(name));
        String id = created.text("id");
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/launch").status()).isEqualTo(202);
        admin.awaitStatus(id, "ACTIVE");
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/pause").status()).isEqualTo(200);
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/resume").status()).isEqualTo(200);
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records",
                List.of(record(id + "-r1", "MESSAGE_SENT")))).status()).isEqualTo(200);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/export").status()).isEqualTo(200);
        return id;
    }

    /** The report once the anchor processor and the audit trail have caught up with every stored event. */
    private JsonNode settledReport() {
        JsonNode[] report = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            report[0] = admin.get("/api/v1/audit/verify").body();
            JsonNode trail = report[0].path("trail");
            return report[0].path("anchored").asLong() == storedEvents() && trail.path("pending").asLong() == 0
                    && trail.path("checkedUpTo").asLong() == trail.path("lastStored").asLong();
        });
        return report[0];
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private long globalIndexOf(String id, String type) {
        return jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE ?", Long.class, id, "%$" + type);
    }

    private byte[] payloadAt(long globalIndex) {
        return jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?", byte[].class, globalIndex);
    }

    /** What a forger who knows the scheme writes: the link recomputed over the altered row. */
    private String relink(String previous, long globalIndex) {
        return jdbc.queryForObject("SELECT eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
                + "payloadType, payloadRevision, payload, metaData FROM DomainEventEntry WHERE globalIndex = ?",
                (rs, n) -> EventLinks.link(previous, new EventLinks.Row(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                        rs.getBytes(9))), globalIndex);
    }

    /** Recomputes the chain's links from {@code fromSequence} on, over the rows as they now are. */
    private void relinkFrom(String chain, long fromSequence, String previous) {
        List<Long> rows = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber >= ? ORDER BY sequenceNumber", Long.class, chain, fromSequence);
        for (long globalIndex : rows) {
            previous = relink(previous, globalIndex);
            jdbc.update("UPDATE event_link SET link = ? WHERE event_id = (SELECT eventIdentifier FROM DomainEventEntry "
                    + "WHERE globalIndex = ?)", previous, globalIndex);
        }
    }

    private void reanchorAll() {
        String anchor = EventLinks.GENESIS;
        for (Map<String, Object> row : jdbc.queryForList("SELECT a.position, l.link FROM chain_anchor a "
                + "LEFT JOIN event_link l ON l.event_id = a.event_id ORDER BY a.position")) {
            Object link = row.get("link");
            anchor = EventLinks.anchor(anchor, link == null ? EventLinks.GENESIS : link.toString());
            jdbc.update("UPDATE chain_anchor SET anchor = ? WHERE position = ?", anchor, row.get("position"));
        }
    }

    private void restore(Map<String, Object> row) {
        jdbc.update("INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                value(row, "globalIndex"), value(row, "aggregateIdentifier"), value(row, "sequenceNumber"),
                value(row, "type"), value(row, "eventIdentifier"), value(row, "metaData"), value(row, "payload"),
                value(row, "payloadRevision"), value(row, "payloadType"), value(row, "timeStamp"));
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
