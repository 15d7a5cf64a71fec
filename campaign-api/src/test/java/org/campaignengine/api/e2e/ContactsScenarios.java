package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;
import static org.campaignengine.api.e2e.Campaigns.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A campaign's contacts and conversations over HTTP, as a dashboard reads them after a sending service
 * reported activity: delivery and opt-out, sections, search and tags, receipts after archiving, and who
 * may read them. Activity is published apart from the campaign's versions: its effect is awaited by
 * bounded polling, or by naming the intake's {@code activityVersion} on the read (read-your-writes);
 * {@code minVersion} is used where a lifecycle change is read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD})
abstract class ContactsScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final String PASSWORD = "contacts reader secret";

    @LocalServerPort
    int port;

    private EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @Test
    void contacts_and_conversations_follow_the_activity_a_sending_service_reports() {
        String id = active("Contacts canvass");
        post(id, List.of(
                at(record("s1", "MESSAGE_SENT"), 1, "c-1", Map.of("contactName", "Ann Lee", "phone", "+1 (415) 555-0101", "messageId", "m-1")),
                at(record("s2", "MESSAGE_SENT"), 1, "c-2", Map.of("contactName", "Bo Chen", "phone", "+16505550102", "messageId", "m-2")),
                at(record("s3", "MESSAGE_SENT"), 1, "c-3", Map.of("contactName", "100% Sure", "phone", "+12125550103", "messageId", "m-3")),
                at(record("d1", "MESSAGE_DELIVERED"), 5, "c-1", Map.of("messageId", "m-1")),
                at(record("u2", "MESSAGE_UNDELIVERED"), 6, "c-2", Map.of("messageId", "m-2", "reason", "landline")),
                at(record("r1", "REPLY_RECEIVED"), 20, "c-1", Map.of("messageId", "in-1")),
                at(record("o3", "OPTED_OUT"), 30, "c-3", Map.of()),
                at(record("t1", "CONVERSATION_TAGGED"), 40, "c-1", Map.of("tags", List.of("vip"))),
                at(record("v3", "OPERATED_BY_CHANGED"), 41, "c-3", Map.of("operatedBy", "VIRTUAL_ASSISTANT"))));

        Reply contacts = awaitPage(CAMPAIGNS + "/" + id + "/contacts", page -> page.path("total").asLong() == 3);
        JsonNode items = contacts.body().path("items");
        assertThat(ids(items)).containsExactly("c-1", "c-2", "c-3");
        assertThat(items.get(0).path("name").asText()).isEqualTo("Ann Lee");
        assertThat(items.get(0).path("phone").asText()).isEqualTo("+1 (415) 555-0101");
        assertThat(items.get(0).path("delivery").asText()).isEqualTo("DELIVERED");
        assertThat(items.get(0).path("failedReason").isNull()).isTrue();
        assertThat(items.get(0).path("lastActivityAt").asText()).isEqualTo(time(40).toString());
        assertThat(items.get(1).path("delivery").asText()).isEqualTo("UNDELIVERED");
        assertThat(items.get(1).path("failedReason").asText()).isEqualTo("landline");
        assertThat(items.get(2).path("delivery").asText()).isEqualTo("PENDING");
        assertThat(items.get(2).path("optedOut").asBoolean()).isTrue();
        Reply undelivered = admin.get(CAMPAIGNS + "/" + id + "/contacts?delivery=UNDELIVERED");
        assertThat(ids(undelivered.body().path("items"))).containsExactly("c-2");
        assertThat(undelivered.body().path("total").asLong()).isEqualTo(1);

        Reply all = awaitPage(CAMPAIGNS + "/" + id + "/conversations", page -> page.path("total").asLong() == 2);
        assertThat(ids(all.body().path("items"))).containsExactly("c-3", "c-1");
        JsonNode ann = all.body().path("items").get(1);
        assertThat(ann.path("needsAttention").asBoolean()).isTrue();
        assertThat(ann.path("operatedBy").asText()).isEqualTo("AGENT");
        assertThat(ann.path("tags").get(0).asText()).isEqualTo("vip");
        assertThat(ann.path("lastMessage").path("type").asText()).isEqualTo("REPLY_RECEIVED");
        assertThat(conversations(id, "?section=needs-attention")).containsExactly("c-1");
        assertThat(conversations(id, "?section=virtual-assistant")).containsExactly("c-3");
        assertThat(conversations(id, "?section=agent")).isEmpty();
        assertThat(conversations(id, "?q=ANN")).containsExactly("c-1");
        assertThat(conversations(id, "?q=100%25")).containsExactly("c-3");
        assertThat(conversations(id, "?q=415555")).containsExactly("c-1");
        assertThat(conversations(id, "?tag=vip&size=1")).containsExactly("c-1");

        Reply archived = admin.post(CAMPAIGNS + "/" + id + "/archive");
        assertThat(archived.status()).isEqualTo(200);
        post(id, List.of(at(record("d3", "MESSAGE_DELIVERED"), 50, "c-3", Map.of("messageId", "m-3"))));
        Reply after = awaitPage(CAMPAIGNS + "/" + id + "/contacts?delivery=DELIVERED&minVersion=" + archived.version(),
                page -> page.path("total").asLong() == 2);
        assertThat(ids(after.body().path("items"))).as("a receipt after archiving still counts").containsExactly("c-1", "c-3");
    }

    /** Read-your-writes for activity: the intake's activityVersion, named on a page read, waits for its batch. */
    @Test
    void a_page_read_naming_the_intakes_activity_version_shows_the_batch_just_recorded_without_polling() {
        String id = active("Read your contacts");
        long first = post(id, List.of(
                at(record("s1", "MESSAGE_SENT"), 1, "c-1", Map.of("contactName", "Ann Lee", "messageId", "m-1")),
                at(record("s2", "MESSAGE_SENT"), 1, "c-2", Map.of("contactName", "Bo Chen", "messageId", "m-2")),
                at(record("r2", "REPLY_RECEIVED"), 10, "c-2", Map.of("messageId", "in-2"))));
        assertThat(first).isEqualTo(3);
        Reply contacts = admin.get(CAMPAIGNS + "/" + id + "/contacts?activityVersion=" + first);
        assertThat(contacts.status()).as(contacts.body().toString()).isEqualTo(200);
        assertThat(ids(contacts.body().path("items"))).containsExactly("c-1", "c-2");
        assertThat(contacts.body().path("total").asLong()).isEqualTo(2);
        Reply conversations = admin.get(CAMPAIGNS + "/" + id + "/conversations?activityVersion=" + first);
        assertThat(conversations.status()).as(conversations.body().toString()).isEqualTo(200);
        assertThat(ids(conversations.body().path("items"))).as("a send alone begins no conversation")
                .containsExactly("c-2");

        long second = post(id, List.of(
                at(record("d1", "MESSAGE_DELIVERED"), 20, "c-1", Map.of("messageId", "m-1")),
                at(record("r1", "REPLY_RECEIVED"), 30, "c-1", Map.of("messageId", "in-1"))));
        assertThat(second).isEqualTo(5);
        Reply delivered = admin.get(CAMPAIGNS + "/" + id + "/contacts?delivery=DELIVERED&minVersion=0&activityVersion="
                + second);
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(ids(delivered.body().path("items"))).containsExactly("c-1");
        assertThat(conversations(id, "?section=needs-attention&activityVersion=" + second))
                .containsExactly("c-1", "c-2");
    }

    @Test
    void only_roles_that_may_read_contacts_do_and_within_their_offices_and_bad_parameters_are_400() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        EngineClient viewer = account("viewer-" + suffix, "VIEWER", "north");
        EngineClient auditor = account("auditor-" + suffix, "AUDITOR", null);
        EngineClient north = account("north-" + suffix, "MANAGER", "north");
        EngineClient south = account("south-" + suffix, "MANAGER", "south");
        Reply created = admin.post(CAMPAIGNS, readySms("Offices"));
        String id = created.text("id");

        for (String path : List.of("/contacts", "/conversations")) {
            String url = CAMPAIGNS + "/" + id + path;
            Reply refused = viewer.get(url);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(north.get(url + "?minVersion=0").status()).as(path).isEqualTo(200);
            assertThat(auditor.get(url + "?minVersion=0").status()).as(path).isEqualTo(200);
            assertThat(south.get(url + "?minVersion=0").status()).as(path + " of another office").isEqualTo(404);
            assertThat(admin.get(CAMPAIGNS + "/" + UUID.randomUUID() + path).status()).isEqualTo(404);
            assertThat(admin.get(CAMPAIGNS + "/not-a-uuid" + path).status()).isEqualTo(400);
            for (String bad : List.of("?size=101", "?size=0", "?page=-1", "?page=x", "?minVersion=soon",
                    "?activityVersion=soon")) {
                Reply invalid = admin.get(url + bad);
                assertThat(invalid.status()).as(path + bad).isEqualTo(400);
                assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
            }
        }
        Reply badSection = admin.get(CAMPAIGNS + "/" + id + "/conversations?section=urgent");
        assertThat(badSection.status()).isEqualTo(400);
        assertThat(badSection.body().path("errors").get(0).path("field").asText()).isEqualTo("section");
        Reply badDelivery = admin.get(CAMPAIGNS + "/" + id + "/contacts?delivery=delivered");
        assertThat(badDelivery.status()).isEqualTo(400);
        assertThat(badDelivery.body().path("errors").get(0).path("field").asText()).isEqualTo("delivery");

        assertThat(admin.delete(CAMPAIGNS + "/" + id).status()).isEqualTo(204);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/contacts?minVersion=1").status()).as("deleted").isEqualTo(404);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/conversations?minVersion=1").status()).isEqualTo(404);
    }

    private String active(String name) {
        Reply created = admin.post(CAMPAIGNS, readySms(name));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/launch").status()).isEqualTo(202);
        admin.awaitStatus(id, "ACTIVE");
        return id;
    }

    /** Reports the records, all of them new; the intake's activityVersion after them. */
    private long post(String id, List<Map<String, Object>> records) {
        Reply sent = admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", records));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        assertThat(sent.body().path("accepted").asInt()).as(sent.body().toString()).isEqualTo(records.size());
        return sent.body().path("activityVersion").asLong();
    }

    /** Today's noon UTC, inside the open hours of {@link Campaigns#readySettings}, plus {@code seconds}. */
    private static Instant time(int seconds) {
        return Instant.parse(record("any", "MESSAGE_SENT").get("at").toString()).plusSeconds(seconds);
    }

    private static Map<String, Object> at(Map<String, Object> record, int seconds, String contactId,
                                          Map<String, Object> fields) {
        record.put("at", time(seconds).toString());
        record.put("contactId", contactId);
        record.putAll(fields);
        return record;
    }

    private Reply awaitPage(String path, Predicate<JsonNode> condition) {
        Reply[] last = new Reply[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = admin.get(path);
            return last[0].status() == 200 && condition.test(last[0].body());
        });
        return last[0];
    }

    private List<String> conversations(String id, String query) {
        Reply page = admin.get(CAMPAIGNS + "/" + id + "/conversations" + query);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        return ids(page.body().path("items"));
    }

    private EngineClient account(String username, String role, String office) {
        Reply made = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "roles", List.of(role), "offices", office == null ? List.of() : List.of(office)));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return new EngineClient(port, username, PASSWORD);
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("contactId").asText()));
        return ids;
    }
}
