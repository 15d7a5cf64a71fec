package org.campaignengine.api.privacy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.campaignengine.api.eventstore.AxonTables;
import org.campaignengine.api.migrations.MigrationStep;
import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.tables.Columns;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Migration 14.2: seals the contact names and phone numbers that activity events stored before sealing
 * existed hold in clear text, under their contacts' keys, so forgetting a contact erases them too. It runs
 * before the stored events are linked into their hash chains (migration 15), so the chains cover the
 * sealed bytes; only the fields {@code contactName} and {@code phone} of each record change. Read-model
 * rows written before keep their values until replayed, and are marked erased like any other when their
 * contact is forgotten.
 *
 * <p>It works on the schema of its own version, not today's: the keys it makes are kept as migration 14.1
 * keeps them, in clear, and migration 23.1 ({@link WrapContactKeys}) wraps them with the others.
 */
public class SealStoredContacts extends MigrationStep {

    static final String ACTIVITY_TYPE = "org.campaignengine.domain.campaign.CampaignEvent$ActivityRecorded";
    private static final List<String> FIELDS = List.of("contactName", "phone");

    private final ObjectMapper json = new ObjectMapper();

    public SealStoredContacts() {
        super("14.2", "seal stored contact names and phones");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        KeysAt14 keys = new KeysAt14(jdbc);
        AxonTables events = new AxonTables(jdbc);
        for (long position : events.positionsOf(ACTIVITY_TYPE)) {
            byte[] sealed = seal(events.payloadAt(position), keys);
            if (sealed != null) {
                events.replacePayload(position, sealed);
            }
        }
    }

    /** The payload with every clear name and phone sealed, or null when it holds none. */
    private byte[] seal(byte[] payload, KeysAt14 keys) throws java.io.IOException {
        JsonNode event = json.readTree(payload);
        List<ObjectNode> clear = new ArrayList<>();
        for (JsonNode record : event.path("records")) {
            if (record.path("contactId").isTextual() && FIELDS.stream().anyMatch(f -> isClear(record.path(f)))) {
                clear.add((ObjectNode) record);
            }
        }
        if (clear.isEmpty()) {
            return null;
        }
        ContactKeys.Sealer sealer = keys.sealer(clear.stream().map(r -> r.path("contactId").asText()).distinct()
                .toList());
        for (ObjectNode record : clear) {
            String contact = record.path("contactId").asText();
            for (String field : FIELDS) {
                if (isClear(record.path(field))) {
                    String value = sealer.seal(contact, record.path(field).asText());
                    if (value == null) {
                        record.putNull(field);
                    } else {
                        record.put(field, value);
                    }
                }
            }
        }
        return json.writeValueAsBytes(event);
    }

    private static boolean isClear(JsonNode value) {
        return value.isTextual() && !PersonalData.sealed(value.asText());
    }

    /** The contacts' keys in the table of migration 14.1: Base64 in clear, null once forgotten. */
    private static final class KeysAt14 {

        private final JdbcTemplate jdbc;
        private final SecureRandom random = new SecureRandom();

        KeysAt14(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        ContactKeys.Sealer sealer(List<String> contactIds) {
            Map<String, Optional<SecretKey>> keys = new HashMap<>();
            for (String contactId : contactIds) {
                List<String> stored = jdbc.query("SELECT secret FROM contact_key WHERE contact_id = ?",
                        (rs, n) -> rs.getString(1), contactId);
                String secret = stored.isEmpty() ? create(contactId) : stored.get(0);
                keys.put(contactId, Optional.ofNullable(secret)
                        .map(s -> new SecretKeySpec(Base64.getDecoder().decode(s), "AES")));
            }
            return (contactId, text) -> keys.get(contactId)
                    .map(key -> SealedValues.seal(key, contactId, text, random)).orElse(null);
        }

        private String create(String contactId) {
            byte[] key = new byte[KeyEncryptionKeys.KEY_BYTES];
            random.nextBytes(key);
            String secret = Base64.getEncoder().encodeToString(key);
            jdbc.update("INSERT INTO contact_key (contact_id, secret, created_at) VALUES (?, ?, ?)", contactId, secret,
                    Columns.time(Instant.now()));
            return secret;
        }
    }
}
