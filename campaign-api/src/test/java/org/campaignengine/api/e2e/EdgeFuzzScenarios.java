package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.campaignengine.api.CampaignEngineApplication;
import org.campaignengine.api.e2e.BadInputs.Value;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Input a store cannot keep, in every text, time and cost field of every request body and in every text
 * query parameter: each is answered 4xx, never 5xx, names the field, and stores nothing; afterwards every
 * read model still takes new campaigns and activity within seconds. One engine, many requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = CampaignEngineApplication.class,
        properties = "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD)
abstract class EdgeFuzzScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final Duration SECONDS = Duration.ofSeconds(15);

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
    void bad_text_times_and_costs_in_any_request_body_are_refused_naming_the_field_and_store_nothing() {
        String draft = admin.post(CAMPAIGNS, Campaigns.readySms("Fuzz draft")).text("id");
        String active = admin.activeSms("Fuzz active " + UUID.randomUUID());
        List<FuzzBodies.Body> bodies = FuzzBodies.all(draft, active, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (FuzzBodies.Body body : bodies) {
            if (body.acceptedAsIs()) {
                Reply sane = admin.send(body.method(), body.path(), body.template().toString(), Map.of());
                assertThat(sane.status()).as("%s as is: %s", body.path(), sane.body()).isBetween(200, 299);
            }
        }
        Stored before = stored(draft, active);

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (FuzzBodies.Body body : bodies) {
            for (FuzzBodies.Field field : body.fields()) {
                for (Value value : field.values()) {
                    if (field.freeText() && value.freeTextTakesIt()) {
                        continue;
                    }
                    Reply reply = admin.send(body.method(), body.path(), BadInputs.with(body.template(), field.path(),
                            value), Map.of());
                    sent++;
                    String problem = refusal(reply, value.fieldNamed() ? field.reported() : null);
                    if (problem != null) {
                        failures.add(body.method() + " " + body.path() + " " + field.path() + " = " + value.label()
                                + ": " + problem);
                    }
                }
            }
        }
        assertThat(failures).as("of %d requests", sent).isEmpty();
        assertThat(stored(draft, active)).isEqualTo(before);
        readModelsKeepMoving(active);
    }

    @Test
    void control_characters_and_impossible_times_in_query_parameters_and_paths_are_refused() {
        String active = admin.activeSms("Fuzz queries " + UUID.randomUUID());
        String campaign = CAMPAIGNS + "/" + active;
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : List.of("q", "tag", "office", "status", "sort", "tab", "profile")) {
            texts.put(CAMPAIGNS + "?" + name + "=", name);
        }
        for (String name : List.of("q", "tag", "section")) {
            texts.put(campaign + "/conversations?" + name + "=", name);
        }
        texts.put(campaign + "/contacts?delivery=", "delivery");
        texts.put(campaign + "/history?type=", "type");
        texts.put(campaign + "/analytics/activity?granularity=", "granularity");
        texts.put("/api/v1/audit/events?actor=", "actor");
        texts.put("/api/v1/audit/events?type=", "type");
        texts.put(CAMPAIGNS + "/calendar?from=2026-01-01&to=2026-01-31&zone=", "zone");
        List<String> failures = new ArrayList<>();
        for (var query : texts.entrySet()) {
            for (String bad : List.of("a%00b", "%01", "a%1Fb", "a%7F", "a%09b", "a%0Ab")) {
                check(admin.get(query.getKey() + bad), query.getValue(), query.getKey() + bad, failures);
            }
        }
        Map<String, String> times = Map.of(campaign + "/history?from=", "from", campaign + "/history?to=", "to",
                campaign + "/state?asOf=", "asOf", "/api/v1/audit/events?from=", "from", "/api/v1/audit/events?to=", "to");
        for (var query : times.entrySet()) {
            for (String bad : List.of("-4000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                    "%2B10000-01-01T00:00:00Z", "%2B300000-01-01T00:00:00Z")) {
                check(admin.get(query.getKey() + bad), query.getValue(), query.getKey() + bad, failures);
            }
        }
        for (String path : List.of("/api/v1/users/a%00b", "/api/v1/users/%01", "/api/v1/admin/projections/a%00b")) {
            check(admin.get(path), null, "GET " + path, failures);
        }
        check(admin.delete("/api/v1/users/a%00b"), null, "DELETE /api/v1/users/a%00b", failures);
        check(admin.post("/api/v1/contacts/c%00/forget"), null, "POST /api/v1/contacts/c%00/forget", failures);
        assertThat(failures).isEmpty();
        readModelsKeepMoving(active);
    }

    @Test
    void a_username_with_control_characters_in_basic_credentials_is_refused_as_unknown() {
        for (String username : List.of("a\u0000b", "admin\u0000", "\u0001", "a\u007f")) {
            Reply reply = new EngineClient(port, username, "any password at all").get(CAMPAIGNS);
            assertThat(reply.status()).as(username).isEqualTo(401);
        }
        assertThat(admin.get(CAMPAIGNS).status()).isEqualTo(200);
    }

    @Test
    void unusual_but_whole_unicode_is_kept_as_sent_and_the_read_models_keep_moving() {
        String unusual = "Ça 🗳️ \u202e\ufeff\uffff\u0085 \u0301\uDBFF\uDFFF ok";
        Reply created = admin.post(CAMPAIGNS, Campaigns.create(unusual, "SMS", Campaigns.readySettings("SMS",
                List.of("212"))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(admin.campaign(created.text("id"), created.version()).text("name")).isEqualTo(unusual);
        String active = admin.activeSms("Fuzz unicode " + UUID.randomUUID());
        Map<String, Object> tagged = record("unusual-tag", "CONVERSATION_TAGGED", "c-unusual");
        tagged.put("tags", List.of("é🗳️\uffff"));
        Reply posted = admin.post(CAMPAIGNS + "/" + active + "/activity", Map.of("records", List.of(tagged)));
        assertThat(posted.body().path("accepted").asInt()).as(posted.body().toString()).isEqualTo(1);
        readModelsKeepMoving(active);
    }

    @Test
    void an_enum_value_that_does_not_fit_is_refused_naming_every_allowed_value_in_body_settings_and_query() {
        Reply fax = admin.post(CAMPAIGNS, Map.of("name", "Fax campaign", "channel", "FAX"));
        assertInvalid(fax, "channel", List.of("SMS", "VOICE"));
        assertThat(fax.text("detail")).isEqualTo("channel must be one of SMS, VOICE");

        String draft = admin.post(CAMPAIGNS, Campaigns.readySms("Enum draft " + UUID.randomUUID())).text("id");
        Reply robot = admin.patch(CAMPAIGNS + "/" + draft, Map.of("operatedBy", "ROBOT"));
        assertInvalid(robot, "operatedBy", List.of("AGENT", "VIRTUAL_ASSISTANT"));

        String active = admin.activeSms("Enum activity " + UUID.randomUUID());
        Map<String, Object> teleported = record("r-teleported", "TELEPORTED", "c1");
        Reply unknownType = admin.post(CAMPAIGNS + "/" + active + "/activity",
                Map.of("records", List.of(record("r-fine", "MESSAGE_SENT", "c1"), teleported)));
        List<String> types = java.util.Arrays.stream(org.campaignengine.domain.campaign.ActivityType.values())
                .map(Enum::name).toList();
        assertInvalid(unknownType, "records[1].type", types);
        assertThat(unknownType.text("detail")).contains("MESSAGE_SENT, MESSAGE_DELIVERED");

        Reply query = admin.get(CAMPAIGNS + "?channel=FAX&status=LOST&tab=everything");
        assertThat(query.status()).isEqualTo(400);
        Map<String, JsonNode> byField = new LinkedHashMap<>();
        query.body().path("errors").forEach(error -> byField.put(error.path("field").asText(), error));
        assertThat(names(byField.get("channel").path("allowed"))).containsExactly("SMS", "VOICE");
        assertThat(byField.get("channel").path("message").asText()).isEqualTo("must be one of SMS, VOICE");
        assertThat(names(byField.get("status").path("allowed"))).contains("DRAFT", "ACTIVE", "ARCHIVED");
        assertThat(names(byField.get("tab").path("allowed"))).containsExactly("active", "scheduled", "draft", "paused",
                "archived", "all");
        assertThat(byField.get("tab").path("message").asText())
                .isEqualTo("must be one of active, scheduled, draft, paused, archived, all");
        assertInvalid(admin.get(CAMPAIGNS + "/" + active + "/contacts?delivery=LOST"), "delivery",
                List.of("PENDING", "RETRYING", "DELIVERED", "UNDELIVERED"));
        assertInvalid(admin.get(CAMPAIGNS + "/" + active + "/analytics/activity?granularity=week"), "granularity",
                List.of("auto", "hour", "day", "month", "year"));
        assertInvalid(admin.get(CAMPAIGNS + "/" + active + "/export?format=xml"), "format", List.of("jsonl", "csv"));
    }

    @Test
    void an_unknown_path_answers_the_engines_no_such_path_404_naming_the_method_and_path() {
        for (String method : List.of("GET", "POST", "DELETE")) {
            Reply unknown = admin.send(method, "/api/v1/nothing", null, Map.of());
            assertProblem(unknown, 404, "no-such-path");
            assertThat(unknown.text("title")).isEqualTo("No such path");
            assertThat(unknown.text("detail")).contains(method + " /api/v1/nothing").doesNotContain("static resource");
        }
        Reply deeper = admin.get(CAMPAIGNS + "/" + UUID.randomUUID() + "/nothing");
        assertProblem(deeper, 404, "no-such-path");
        assertThat(admin.anonymous().get("/api/v1/nothing").status())
                .as("who is not signed in learns nothing of the paths").isEqualTo(401);
    }

    @Test
    void a_method_the_path_does_not_take_answers_405_with_allow_naming_the_allowed_methods() {
        Reply put = admin.send("PUT", CAMPAIGNS + "/tabs", null, Map.of());
        assertProblem(put, 405, "method-not-allowed");
        assertThat(put.header("Allow")).contains("GET");
        assertThat(put.text("detail")).contains("PUT").contains(CAMPAIGNS + "/tabs").contains("GET");
        assertThat(names(put.body().path("allowedMethods"))).contains("GET").doesNotContain("PUT");

        Reply deleteAll = admin.delete(CAMPAIGNS);
        assertProblem(deleteAll, 405, "method-not-allowed");
        assertThat(deleteAll.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void a_body_of_an_unsupported_media_type_answers_415_naming_the_accepted_types() throws Exception {
        Reply text = raw("POST", CAMPAIGNS, "text/plain", null, "name=x");
        assertProblem(text, 415, "unsupported-media-type");
        assertThat(text.text("detail")).contains("text/plain").contains("application/json");
        assertThat(names(text.body().path("acceptedMediaTypes"))).contains("application/json");
    }

    @Test
    void an_answer_in_no_type_the_client_accepts_is_refused_406_as_a_problem() throws Exception {
        Reply png = raw("GET", CAMPAIGNS + "/tabs", null, "image/png", null);
        assertThat(png.status()).isEqualTo(406);
        assertProblem(png, 406, "not-acceptable");
        assertThat(png.text("detail")).contains("image/png").contains("application/json");
    }

    @Test
    void malformed_json_is_refused_saying_the_line_and_column_where_it_broke() {
        Reply comma = admin.post(CAMPAIGNS, "{\"name\": \"x\",}");
        assertProblem(comma, 400, "invalid-input");
        assertThat(comma.body().path("line").asInt()).isEqualTo(1);
        assertThat(comma.body().path("column").asInt()).isEqualTo(14);
        assertThat(comma.text("detail"))
                .startsWith("body is not valid JSON: unexpected character '}' at line 1, column 14");
        assertThat(comma.body().path("errors").get(0).path("field").asText()).isEqualTo("body");

        Reply truncated = admin.post(CAMPAIGNS, "{\n  \"name\": \"x\",\n  \"channel\": \"SMS\"");
        assertProblem(truncated, 400, "invalid-input");
        assertThat(truncated.body().path("line").asInt()).isEqualTo(3);
        assertThat(truncated.body().path("column").asInt()).isPositive();
        assertThat(truncated.text("detail")).startsWith("body is not valid JSON: unexpected end of input at line 3");

        Reply unknownField = admin.post(CAMPAIGNS, Map.of("name", "x", "channel", "SMS", "colour", "red"));
        assertProblem(unknownField, 400, "invalid-input");
        assertThat(unknownField.text("detail")).isEqualTo("colour is not a known property");
        assertThat(unknownField.body().has("line")).as("a shape error is no syntax error").isFalse();
        Reply empty = admin.send("POST", CAMPAIGNS, "", Map.of());
        assertProblem(empty, 400, "invalid-input");
        assertThat(empty.body().path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void a_request_the_firewall_or_the_server_refuses_before_it_reaches_the_api_is_still_answered_as_a_problem() {
        for (String path : List.of("/api/v1/users/a;b", "/api/v1/campaigns/a%25b", "/api/v1/campaigns/%2e%2e/x",
                "/api/v1/users/a%00b", "/api/v1/campaigns/a%2Fb")) {
            Reply refused = admin.get(path);
            assertThat(refused.status()).as(path + " " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(path + " " + refused.body()).startsWith("application/problem+json");
            assertThat(refused.text("type")).as(path).startsWith("urn:campaign-engine:problem:");
            assertThat(refused.body().toString()).as(path).doesNotContain("Exception").doesNotContain("timestamp");
        }
        assertThat(admin.get("/v3/api-docs").body().path("paths").has("/error")).as("no endpoint of the API").isFalse();
    }

    private static void assertInvalid(Reply reply, String field, List<String> allowed) {
        assertProblem(reply, 400, "invalid-input");
        JsonNode error = null;
        for (JsonNode each : reply.body().path("errors")) {
            if (each.path("field").asText().equals(field)) {
                error = each;
            }
        }
        assertThat(error).as("%s named in %s", field, reply.body()).isNotNull();
        assertThat(names(error.path("allowed"))).as(reply.body().toString()).isEqualTo(allowed);
        assertThat(error.path("message").asText()).isEqualTo("must be one of " + String.join(", ", allowed));
        assertThat(reply.text("detail")).contains(String.join(", ", allowed));
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.text("type")).isEqualTo("urn:campaign-engine:problem:" + type);
        assertThat(reply.body().toString()).doesNotContain("Exception").doesNotContain("org.springframework");
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.asText()));
        return names;
    }

    /** A request with exactly these Content-Type and Accept headers (none when null), as the admin. */
    private Reply raw(String method, String path, String contentType, String accept, String body) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + EngineScenarios.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        return new Reply(response.statusCode(), response.body().isBlank()
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : EngineClient.JSON.readTree(response.body()), headers);
    }

    /**
     * A campaign created now appears in the index, and activity reported now in analytics and conversations:
     * no bad input before stopped a read model.
     */
    private void readModelsKeepMoving(String active) {
        String canary = "Canary " + UUID.randomUUID();
        Reply created = admin.post(CAMPAIGNS, Campaigns.readySms(canary));
        assertThat(created.status()).isEqualTo(201);
        awaitGet(CAMPAIGNS + "?q=" + canary.replace(" ", "%20"), page -> page.path("total").asLong() == 1);

        long cost = awaitGet(CAMPAIGNS + "/" + active + "/analytics", any -> true).path("costMicros").asLong();
        String contact = "canary-" + UUID.randomUUID();
        Map<String, Object> spent = record(contact + "-cost", "COST_INCURRED", contact);
        spent.put("costMicros", 1_000_000_000_000L);
        Map<String, Object> tagged = record(contact + "-tag", "CONVERSATION_TAGGED", contact);
        tagged.put("tags", List.of("canary"));
        Reply posted = admin.post(CAMPAIGNS + "/" + active + "/activity", Map.of("records", List.of(spent, tagged)));
        assertThat(posted.body().path("accepted").asInt()).as(posted.body().toString()).isEqualTo(2);
        awaitGet(CAMPAIGNS + "/" + active + "/analytics",
                body -> body.path("costMicros").asLong() == cost + 1_000_000_000_000L);
        awaitGet(CAMPAIGNS + "/" + active + "/conversations?tag=canary", page -> page.path("items").findValuesAsText(
                "contactId").contains(contact));
    }

    private JsonNode awaitGet(String path, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            Reply reply = admin.get(path);
            last[0] = reply.body();
            return reply.status() == 200 && condition.test(reply.body());
        });
        return last[0];
    }

    private static Map<String, Object> record(String recordId, String type, String contactId) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordId", recordId);
        record.put("type", type);
        record.put("at", Instant.now().toString());
        record.put("contactId", contactId);
        return record;
    }

    /**
     * Why the reply is not a 400 problem naming {@code field} or the object holding it (any field when null),
     * or null if it is.
     */
    private static String refusal(Reply reply, String field) {
        if (reply.status() != 400) {
            return "answered " + reply.status() + " " + reply.body();
        }
        if (field == null) {
            return null;
        }
        List<String> named = reply.body().path("errors").findValuesAsText("field");
        boolean names = named.stream().anyMatch(name -> field.equals(name) || field.startsWith(name + "."));
        return names ? null : "named " + named + ", not " + field + ": " + reply.body();
    }

    /** 400 naming {@code field}, or any 4xx where {@code field} is null (a path the firewall may refuse first). */
    private static void check(Reply reply, String field, String request, List<String> failures) {
        String problem = field != null ? refusal(reply, field)
                : reply.status() >= 400 && reply.status() < 500 ? null : "answered " + reply.status();
        if (problem != null) {
            failures.add(request + ": " + problem);
        }
    }

    /** What the store holds: every event, activity record and account, and the two campaigns' histories. */
    private Stored stored(String draft, String active) {
        return new Stored(count("DomainEventEntry"), count("activity_record"), count("account"),
                admin.get(CAMPAIGNS + "/" + draft + "/history").body(), admin.get(CAMPAIGNS + "/" + active + "/history")
                .body());
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    record Stored(long events, long activityRecords, long accounts, JsonNode draftHistory, JsonNode activeHistory) {
    }
}
