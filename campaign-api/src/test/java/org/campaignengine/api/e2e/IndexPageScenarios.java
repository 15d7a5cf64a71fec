package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.*;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The index pages over HTTP: activity reaching a row's figures, each product's status words, the tabs'
 * counts and the scheduled calendar, each scenario in an office of its own so counts are exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD,
        "campaign.schedule.min-lead-time=PT1S"})
abstract class IndexPageScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final String PASSWORD = "index pages password";

    @LocalServerPort
    int port;

    private EngineClient admin;
    private int records;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @Test
    void activity_reaches_the_list_row_as_recipients_cost_click_through_rate_callers_and_dials() {
        String office = "figures-" + System.nanoTime();
        String sms = active(readySms("Texting"), office);
        String voice = active(readyVoice("Calling"), office);
        activity(sms, rec("MESSAGE_SENT", "c1", null, null), rec("MESSAGE_SENT", "c2", null, null),
                rec("MESSAGE_SENT", "c1", null, null), rec("MESSAGE_DELIVERED", "c1", null, null),
                rec("MESSAGE_DELIVERED", "c2", null, null), rec("MESSAGE_DELIVERED", "c1", null, null),
                rec("MESSAGE_DELIVERED", "c2", null, null), rec("LINK_CLICKED", "c1", null, null),
                rec("COST_INCURRED", "c1", 1_500L, null), rec("COST_INCURRED", "c2", 2_500L, null));
        activity(voice, rec("CALLER_LOGGED_IN", null, null, "ann"), rec("CALLER_LOGGED_IN", null, null, "bob"),
                rec("CALL_PLACED", "c1", null, null), rec("CALL_PLACED", "c2", null, null));
        activity(voice, rec("CALLER_LOGGED_OUT", null, null, "bob"));

        JsonNode texting = awaitRow(office, "Texting", row -> row.path("costMicros").asLong() == 4_000);
        assertThat(texting.path("recipients").path("sent").asLong()).isEqualTo(2);
        assertThat(texting.path("recipients").path("total").asLong()).isEqualTo(250);
        assertThat(texting.path("clickThroughRate").asDouble()).isEqualTo(0.25);
        assertThat(texting.path("dialsRemaining").isNull()).isTrue();
        assertThat(texting.path("callersLoggedIn").asInt()).isZero();
        JsonNode calling = awaitRow(office, "Calling", row -> row.path("callersLoggedIn").asInt() == 1);
        assertThat(calling.path("dialsRemaining").asLong()).isEqualTo(248);
        assertThat(calling.path("recipients").path("sent").asLong()).isZero();

        Reply byCost = admin.get(CAMPAIGNS + "?office=" + office + "&sort=costMicros,desc");
        assertThat(names(byCost)).containsExactly("Texting", "Calling");
        assertThat(names(admin.get(CAMPAIGNS + "?office=" + office + "&sort=dialsRemaining,asc")))
                .as("empty values last").containsExactly("Calling", "Texting");
        assertThat(admin.get(CAMPAIGNS + "/" + sms).body().path("costMicros").asLong()).isEqualTo(4_000);
    }

    @Test
    void display_status_speaks_the_chosen_products_words_and_an_unknown_profile_is_refused() {
        String office = "words-" + System.nanoTime();
        String id = active(readySms("Worded"), office);
        String list = CAMPAIGNS + "?office=" + office;

        assertThat(admin.get(list).body().path("items").get(0).path("displayStatus").asText()).isEqualTo("Running");
        assertThat(admin.get(list + "&profile=thrutext").body().path("items").get(0).path("displayStatus").asText())
                .isEqualTo("Active");
        assertThat(admin.get(list + "&profile=bulk-sms").body().path("items").get(0).path("displayStatus").asText())
                .isEqualTo("Started");
        Reply detail = admin.get(CAMPAIGNS + "/" + id + "?profile=two-way");
        assertThat(detail.text("displayStatus")).isEqualTo("Active");
        assertThat(detail.text("status")).isEqualTo("ACTIVE");

        Reply paused = admin.post(CAMPAIGNS + "/" + id + "/pause");
        assertThat(admin.campaign(id, paused.version()).text("displayStatus")).as("status guide has no word for it")
                .isEqualTo("Paused");
        for (String bad : List.of(list + "&profile=ThruText", CAMPAIGNS + "/" + id + "?profile=canonical")) {
            Reply refused = admin.get(bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("profile");
        }
    }

    @Test
    void tabs_and_page_totals_follow_each_change_of_status_and_office() {
        String office = "tabs-" + System.nanoTime();
        String elsewhere = office + "-b";
        EngineClient viewer = account("viewer-" + office, "VIEWER", List.of(office));
        String draft = created(readySms("Draft one"), office);
        String archivedLater = created(readySms("Draft two"), office);
        String running = active(readySms("Running one"), office);
        assertTabs(viewer, 1, 0, 2, 0, 0, 3);

        admin.campaign(running, admin.post(CAMPAIGNS + "/" + running + "/pause").version());
        assertTabs(viewer, 0, 0, 2, 1, 0, 3);
        admin.campaign(archivedLater, admin.post(CAMPAIGNS + "/" + archivedLater + "/archive").version());
        assertTabs(viewer, 0, 0, 1, 1, 1, 2);
        admin.campaign(draft, admin.patch(CAMPAIGNS + "/" + draft, Map.of("office", elsewhere)).version());
        assertTabs(viewer, 0, 0, 0, 1, 1, 1);
        assertThat(admin.get(CAMPAIGNS + "?office=" + elsewhere + "&tab=draft").body().path("total").asLong())
                .isEqualTo(1);
        admin.delete(CAMPAIGNS + "/" + draft);
        awaitTotal(CAMPAIGNS + "?office=" + elsewhere, 0);
        assertThat(viewer.get(CAMPAIGNS + "?tab=paused&channel=SMS&status=PAUSED").body().path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void the_calendar_groups_scheduled_launches_by_local_date_within_the_callers_offices() {
        String office = "calendar-" + System.nanoTime();
        EngineClient viewer = account("viewer-" + office, "VIEWER", List.of(office));
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        String evening = scheduled("Evening launch", office, day + "T23:30:00Z");
        String night = scheduled("Night launch", office, day.plusDays(1) + "T00:30:00Z");
        scheduled("Other office", office + "-other", day + "T23:45:00Z");
        String range = "?from=" + day + "&to=" + day.plusDays(1);

        Reply utc = viewer.get(CAMPAIGNS + "/calendar" + range);
        assertThat(utc.status()).as(utc.body().toString()).isEqualTo(200);
        assertThat(days(utc)).containsExactly(Map.entry(day.toString(), List.of(evening)),
                Map.entry(day.plusDays(1).toString(), List.of(night)));
        JsonNode entry = utc.body().get(0).path("campaigns").get(0);
        assertThat(entry.path("name").asText()).isEqualTo("Evening launch");
        assertThat(entry.path("office").asText()).isEqualTo(office);
        assertThat(entry.path("contactList").path("name").asText()).isEqualTo("Volunteers");
        assertThat(entry.path("phoneNumbers").isArray()).isTrue();
        assertThat(utc.body().get(0).path("count").asInt()).isEqualTo(1);

        Reply pacific = viewer.get(CAMPAIGNS + "/calendar" + range + "&zone=America/Los_Angeles");
        assertThat(days(pacific)).containsExactly(Map.entry(day.toString(), List.of(evening, night)));

        for (String bad : List.of("?to=" + day, range + "&zone=Mars/Olympus", "?from=2026-02-30&to=2026-03-01",
                "?from=2026-01-01&to=2027-01-02", "?from=2026-01-02&to=2026-01-01")) {
            Reply refused = viewer.get(CAMPAIGNS + "/calendar" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().path("errors")).as(bad).isNotEmpty();
        }
        assertThat(viewer.get(CAMPAIGNS + "/calendar?from=2028-01-01&to=2028-12-31").status())
                .as("366 days of a leap year").isEqualTo(200);
    }

    private void assertTabs(EngineClient viewer, long active, long scheduled, long draft, long paused, long archived,
                            long all) {
        Map<String, Long> expected = new LinkedHashMap<>(Map.of("active", active, "scheduled", scheduled,
                "draft", draft, "paused", paused, "archived", archived, "all", all));
        JsonNode tabs = viewer.get(CAMPAIGNS + "/tabs").body();
        expected.forEach((tab, count) -> {
            assertThat(tabs.path(tab).asLong()).as(tab).isEqualTo(count);
            assertThat(viewer.get(CAMPAIGNS + "?tab=" + tab).body().path("total").asLong()).as(tab).isEqualTo(count);
        });
    }

    private Map<String, Object> rec(String type, String contact, Long cost, String caller) {
        Map<String, Object> record = new LinkedHashMap<>(record("idx-" + ++records, type));
        record.put("contactId", contact);
        record.put("costMicros", cost);
        record.put("callerId", caller);
        return record;
    }

    @SafeVarargs
    private void activity(String id, Map<String, Object>... batch) {
        Reply reply = admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", List.of(batch)));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("accepted").asInt()).as(reply.body().toString()).isEqualTo(batch.length);
    }

    private JsonNode awaitRow(String office, String name, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode row : admin.get(CAMPAIGNS + "?office=" + office).body().path("items")) {
                if (name.equals(row.path("name").asText()) && condition.test(row)) {
                    found[0] = row;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void awaitTotal(String path, long total) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.get(path).body().path("total").asLong() == total);
    }

    private String created(Map<String, Object> body, String office) {
        body.put("office", office);
        Reply created = admin.post(CAMPAIGNS, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        admin.campaign(created.text("id"), created.version());
        return created.text("id");
    }

    private String active(Map<String, Object> body, String office) {
        String id = created(body, office);
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/launch").status()).isEqualTo(202);
        admin.awaitStatus(id, "ACTIVE");
        return id;
    }

    private String scheduled(String name, String office, String launchAt) {
        String id = created(readySms(name), office);
        Reply scheduled = admin.post(CAMPAIGNS + "/" + id + "/schedule", Map.of("launchAt", launchAt));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(200);
        admin.campaign(id, scheduled.version());
        return id;
    }

    private EngineClient account(String username, String role, List<String> offices) {
        Reply created = admin.post("/api/v1/users",
                Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "offices", offices));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return new EngineClient(port, username, PASSWORD);
    }

    private static List<String> names(Reply page) {
        List<String> names = new ArrayList<>();
        page.body().path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static List<Map.Entry<String, List<String>>> days(Reply calendar) {
        List<Map.Entry<String, List<String>>> days = new ArrayList<>();
        calendar.body().forEach(day -> {
            List<String> ids = new ArrayList<>();
            day.path("campaigns").forEach(c -> ids.add(c.path("id").asText()));
            days.add(Map.entry(day.path("date").asText(), ids));
        });
        return days;
    }
}
