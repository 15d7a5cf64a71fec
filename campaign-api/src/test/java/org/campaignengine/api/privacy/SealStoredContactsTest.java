package org.campaignengine.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Upgrading a store whose activity events hold names and phones in clear text (migration 14.2, on H2), and
 * on to today's schema, where migration 23.1 wraps the keys 14.2 made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealStoredContactsTest {

    private static final String PAYLOAD = "{\"campaignId\":\"camp-1\",\"records\":["
            + "{\"recordId\":\"r1\",\"type\":\"MESSAGE_SENT\",\"at\":\"2026-01-01T12:00:00Z\",\"contactId\":\"old-1\","
            + "\"contactName\":\"Olive Oldstore\",\"phone\":\"+1 (617) 555-0199\",\"tags\":[]},"
            + "{\"recordId\":\"r2\",\"type\":\"MESSAGE_DELIVERED\",\"at\":\"2026-01-01T12:00:05Z\",\"contactId\":\"old-1\","
            + "\"contactName\":null,\"phone\":null,\"tags\":[]}]}";

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeAll
    void open() {
        dataSource = MigratedDatabase.open("jdbc:h2:mem:seal_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2",
                "14.1");
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void clear_names_and_phones_of_stored_activity_are_sealed_under_their_contacts_keys_and_nothing_else_changes()
            throws Exception {
        store("event-1", PAYLOAD);
        store("event-2", "{\"campaignId\":\"camp-1\",\"records\":[{\"recordId\":\"r3\",\"type\":\"LINK_CLICKED\","
                + "\"at\":\"2026-01-01T13:00:00Z\",\"contactId\":\"old-2\",\"tags\":[]}]}");
        String untouched = payload("event-2");

        migrate();
        upgradeToLatest();

        String sealed = payload("event-1");
        assertThat(sealed).doesNotContain("Olive").doesNotContain("555-0199").contains("pii:v1:");
        JsonNode records = new ObjectMapper().readTree(sealed).path("records");
        ContactKeys keys = new ContactKeys(jdbc, Clock.systemUTC(), TestKeks.FIRST);
        assertThat(keys.opener(List.of("old-1")).open("old-1", records.get(0).path("contactName").asText()).text())
                .isEqualTo("Olive Oldstore");
        assertThat(keys.opener(List.of("old-1")).open("old-1", records.get(0).path("phone").asText()).text())
                .isEqualTo("+1 (617) 555-0199");
        assertThat(records.get(1).path("contactName").isNull()).isTrue();
        assertThat(records.get(0).path("recordId").asText()).isEqualTo("r1");
        assertThat(payload("event-2")).as("no clear name or phone: left as stored").isEqualTo(untouched);

        migrate();
        assertThat(payload("event-1")).as("sealed once").isEqualTo(sealed);
    }

    private void upgradeToLatest() throws Exception {
        MigratedDatabase.migrate(dataSource, "h2", "23");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new WrapContactKeys(TestKeks.FIRST).migrate(MigratedDatabase.context(connection));
            connection.commit();
        }
        MigratedDatabase.migrate(dataSource, "h2", "latest");
    }

    private void store(String eventId, String payload) {
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                + "payload, payloadRevision, payloadType, timeStamp) VALUES (?, 0, NULL, ?, ?, ?, '1', ?, "
                + "'2026-01-01T12:00:00Z')", eventId, eventId, "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), SealStoredContacts.ACTIVITY_TYPE);
    }

    private String payload(String eventId) {
        return new String(jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE eventIdentifier = ?",
                byte[].class, eventId), StandardCharsets.UTF_8);
    }

    private void migrate() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            new SealStoredContacts().migrate(MigratedDatabase.context(connection));
            connection.commit();
        }
    }
}
