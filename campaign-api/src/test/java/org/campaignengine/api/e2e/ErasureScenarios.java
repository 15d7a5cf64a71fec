package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;
import static org.campaignengine.api.e2e.Campaigns.record;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Erasure of a contact's personal data over HTTP (issue 10): names and phone numbers are sealed from the
 * moment they arrive, so no table holds them in clear text; forgetting the contact erases them from every
 * page and export while counts, figures, history, replays and the hash chain stay as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD})
abstract class ErasureScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final String PASSWORD = "erasure secret";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @Test
    void a_forgotten_contact_is_erased_everywhere_while_counts_figures_history_replay_and_verify_stay() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String forgotten = "fc-" + suffix;
        String kept = "kc-" + suffix;
        String phone = "+1 (415) 555-" + (1000 + Math.abs(suffix.hashCode() % 9000));
        String name = "Zelda Quixote-" + suffix;
        List<String> campaigns = List.of(active("Erasure canvass A " + suffix), active("Erasure canvass B " + suffix));
        for (String id : campaigns) {
            post(id, List.of(
                    named(record(id + "-s1", "MESSAGE_SENT"), forgotten, name, phone),
                    named(record(id + "-s2", "MESSAGE_SENT"), kept, "Kept Person", "+12125550111"),
                    contact(record(id + "-r1", "REPLY_RECEIVED"), forgotten)));
        }
        String first = campaigns.get(0);
        JsonNode shown = awaitItem(first + "/contacts", forgotten, item -> name.equals(item.path("name").asText()));
        assertThat(shown.path("phone").asText()).isEqualTo(phone);
        assertThat(shown.path("erased").asBoolean()).isFalse();
        awaitItem(first + "/conversations?q=" + phone.substring(phone.length() - 4), forgotten, item -> true);
        // the export lists the batches the audit trail has taken in, moments after they were accepted
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(admin.get(CAMPAIGNS + "/" + first + "/export?format=jsonl").body().asText()).contains(name, phone));
        assertThat(clearTextIn(name, phone)).as("sealed from the moment it arrived").isEmpty();
        Reply before = admin.get(CAMPAIGNS + "/" + first + "/contacts");
        JsonNode analyticsBefore = admin.get(CAMPAIGNS + "/" + first + "/analytics").body();

        EngineClient manager = account("mgr-" + suffix, "MANAGER", List.of("north"));
        EngineClient auditor = account("aud-" + suffix, "AUDITOR", List.of());
        assertThat(manager.post("/api/v1/contacts/" + forgotten + "/forget").status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/contacts/" + forgotten + "/forget").status()).isEqualTo(403);
        Reply forget = admin.post("/api/v1/contacts/" + forgotten + "/forget");
        assertThat(forget.status()).isEqualTo(200);
        assertThat(forget.text("forgottenBy")).isEqualTo("admin");
        assertThat(forget.text("forgottenAt")).isNotBlank();

        for (String id : campaigns) {
            JsonNode erased = awaitItem(id + "/contacts", forgotten, item -> item.path("erased").asBoolean());
            assertThat(erased.path("name").isNull()).isTrue();
            assertThat(erased.path("phone").isNull()).isTrue();
            JsonNode conversation = awaitItem(id + "/conversations", forgotten, item -> item.path("erased").asBoolean());
            assertThat(conversation.path("name").isNull()).isTrue();
            assertThat(items(admin.get(CAMPAIGNS + "/" + id + "/contacts").body(), kept).path("name").asText())
                    .isEqualTo("Kept Person");
        }
        assertThat(admin.get(CAMPAIGNS + "/" + first + "/conversations?q=Zelda").body().path("total").asLong()).isZero();
        Reply after = admin.get(CAMPAIGNS + "/" + first + "/contacts");
        assertThat(after.body().path("total")).isEqualTo(before.body().path("total"));
        assertThat(admin.get(CAMPAIGNS + "/" + first + "/analytics").body()).isEqualTo(analyticsBefore);
        String export = admin.get(CAMPAIGNS + "/" + first + "/export?format=jsonl").body().asText();
        assertThat(export).doesNotContain(name).doesNotContain(phone).contains("\"erased\":true").contains("Kept Person");
        assertThat(admin.get(CAMPAIGNS + "/" + first + "/export?format=csv").body().asText())
                .doesNotContain(name).contains(",true,");
        assertThat(admin.get(CAMPAIGNS + "/" + first + "/history").status()).isEqualTo(200);

        // a record naming the forgotten contact again does not bring its data back
        post(first, List.of(named(record(first + "-s3", "MESSAGE_SENT"), forgotten, name, phone)));
        replay("contacts");
        JsonNode replayed = awaitItem(first + "/contacts", forgotten, item -> item.path("erased").asBoolean());
        assertThat(replayed.path("name").isNull()).isTrue();
        assertThat(admin.get(CAMPAIGNS + "/" + first + "/contacts").body().path("total"))
                .isEqualTo(before.body().path("total"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode verify = admin.get("/api/v1/audit/verify").body();
            assertThat(verify.path("verified").asBoolean()).as(verify.toString()).isTrue();
        });
        JsonNode trail = admin.get("/api/v1/audit/events?type=ContactForgotten&actor=admin&size=500").body();
        assertThat(trail.path("items").size()).isPositive();
        assertThat(clearTextIn(name, phone)).as("nowhere in clear text").isEmpty();
    }

    @Test
    void a_name_or_phone_needs_a_contact_and_fits_its_bounds() {
        String id = active("Bounds canvass " + UUID.randomUUID());
        Map<String, Object> orphan = record("b1", "MESSAGE_SENT");
        orphan.remove("contactId");
        orphan.put("contactName", "No Contact");
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", List.of(orphan))).status())
                .isEqualTo(400);
        Map<String, Object> longName = named(record("b2", "MESSAGE_SENT"), "bc-1", "x".repeat(201), null);
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", List.of(longName))).status())
                .isEqualTo(400);
        Reply tooLong = admin.post("/api/v1/contacts/" + "y".repeat(101) + "/forget");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("type")).isEqualTo("urn:campaign-engine:problem:invalid-input");
        assertThat(tooLong.body().path("errors").get(0).path("field").asText()).isEqualTo("contactId");
        assertThat(tooLong.body().path("errors").get(0).path("message").asText()).isEqualTo("has 1 to 100 characters");
    }

    /** Every text or binary value of every table that holds the name or the phone (as given, or its digits). */
    private List<String> clearTextIn(String name, String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        List<String> found = new ArrayList<>();
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE "
                + "LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')", String.class);
        assertThat(tables).isNotEmpty();
        for (String table : tables) {
            jdbc.query("SELECT * FROM \"" + table + "\"", rs -> {
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : value instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()),
                            StandardCharsets.UTF_8) : String.valueOf(value);
                    if (text.contains(name) || text.contains(phone) || text.contains(digits)) {
                        found.add(table + "." + rs.getMetaData().getColumnName(c));
                    }
                }
            });
        }
        return found;
    }

    private void replay(String readModel) {
        String path = "/api/v1/admin/projections/" + readModel + "/replay";
        assertThat(admin.post(path).status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !admin.get(path).body().path("replaying").asBoolean());
    }

    private JsonNode awaitItem(String path, String contactId, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Reply page = admin.get(CAMPAIGNS + "/" + path);
            found[0] = page.status() == 200 ? items(page.body(), contactId) : null;
            return found[0] != null && condition.test(found[0]);
        });
        return found[0];
    }

    private static JsonNode items(JsonNode page, String contactId) {
        for (JsonNode item : page.path("items")) {
            if (contactId.equals(item.path("contactId").asText())) {
                return item;
            }
        }
        return null;
    }

    private static Map<String, Object> named(Map<String, Object> record, String contactId, String name, String phone) {
        Map<String, Object> named = contact(record, contactId);
        named.put("contactName", name);
        if (phone != null) {
            named.put("phone", phone);
        }
        named.put("messageId", "m-" + contactId);
        return named;
    }

    private static Map<String, Object> contact(Map<String, Object> record, String contactId) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        copy.put("contactId", contactId);
        return copy;
    }

    private void post(String id, List<Map<String, Object>> records) {
        Reply sent = admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", records));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
    }

    String active(String name) {
        return admin.activeSms(name);
    }

    private EngineClient account(String username, String role, List<String> offices) {
        Reply made = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "roles", List.of(role), "offices", offices));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return new EngineClient(port, username, PASSWORD);
    }
}
