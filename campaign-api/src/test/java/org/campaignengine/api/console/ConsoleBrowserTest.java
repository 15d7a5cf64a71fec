package org.campaignengine.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySettings;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.FailingReadModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator console in a real, headless Chromium against the engine on H2: what an operator, a viewer and
 * an auditor see and do, with the live stream moving the pages. Each test leaves a screenshot in
 * {@code target/screenshots/}.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + ConsoleBrowserTest.ADMIN_PASSWORD,
        "campaign.schedule.min-lead-time=PT2S"})
@Import(FailingReadModel.Config.class)
class ConsoleBrowserTest {

    static final String ADMIN_PASSWORD = "console-admin-secret";
    private static final String PASSWORD = "correct horse battery";
    private static final String CAMPAIGNS = "/api/v1/campaigns";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:./target/console-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }

    @LocalServerPort
    int port;

    @Autowired
    FailingReadModel fault;

    private Browser browser;
    private String name;

    @BeforeEach
    void openBrowser(TestInfo test) {
        browser = Browser.open(port, 1280, 900);
        name = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.screenshot(name);
            browser.close();
        }
    }

    private EngineClient admin() {
        return new EngineClient(port, "admin", ADMIN_PASSWORD);
    }

    private void account(String username, String role, String... offices) {
        EngineClient.Reply created = admin().post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "roles", List.of(role), "offices", List.of(offices)));
        assertThat(created.status()).as("%s", created.body()).isIn(201, 409);
    }

    private String draft(String campaign) {
        return admin().post(CAMPAIGNS, Map.of("name", campaign, "channel", "SMS")).text("id");
    }

    private String draftIn(String office, String campaign) {
        return admin().post(CAMPAIGNS, Map.of("name", campaign, "channel", "SMS", "office", office)).text("id");
    }

    private String count(String tab) {
        return browser.find(By.id("count-" + tab)).getText();
    }

    private By row(String id) {
        return By.cssSelector("#campaigns tr[data-id='" + id + "']");
    }

    @Test
    void signing_in_shows_the_campaigns_with_their_tab_counts_and_no_password_is_kept_in_the_browser() {
        String id = draft("Signed-in draft " + UUID.randomUUID());
        browser.signIn("admin", ADMIN_PASSWORD);

        browser.find(row(id));
        assertThat(Long.parseLong(count("all"))).isPositive();
        assertThat(browser.script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"))
                .asString().doesNotContain(ADMIN_PASSWORD).isEqualTo("{}{}");
        assertThat(browser.script("return document.cookie")).asString().doesNotContain("CAMPAIGN_SESSION");
    }

    @Test
    void a_campaign_created_filled_and_launched_in_the_console_moves_from_the_draft_tab_to_the_active_tab_live() {
        browser.signIn("admin", ADMIN_PASSWORD);
        String campaign = "Console launch " + UUID.randomUUID();
        browser.find(By.id("new-campaign")).click();
        browser.type(By.id("new-name"), campaign);
        browser.find(By.id("create-campaign")).click();
        browser.until(d -> d.getCurrentUrl().contains("#/campaign/"));
        String id = browser.url().replaceAll(".*#/campaign/([^/]+).*", "$1");
        browser.find(By.id("missing"));

        // one setting inline, the rest as a service would fill them
        browser.find(By.id("edit-initialMessage")).click();
        browser.type(By.id("input-initialMessage"), "Polls open at 7am!");
        browser.find(By.id("save-initialMessage")).click();
        browser.until(d -> d.findElement(By.cssSelector("#setting-initialMessage .value")).getText().equals("Polls open at 7am!"));
        Map<String, Object> rest = new java.util.HashMap<>(readySettings("SMS", List.of("212")));
        rest.remove("initialMessage");
        rest.remove("name");
        assertThat(admin().patch(CAMPAIGNS + "/" + id, rest).status()).isEqualTo(200);

        // on the draft tab, then launched from its page, then gone from drafts and counted active: no reload
        browser.go("/console/#/campaigns");
        browser.find(By.id("tab-draft")).click();
        browser.find(row(id));
        long drafts = Long.parseLong(count("draft"));
        long active = Long.parseLong(count("active"));
        browser.find(By.cssSelector("#campaigns tr[data-id='" + id + "'] a")).click();
        browser.find(By.id("action-launch")).click();
        browser.until(d -> d.findElement(By.id("campaign-status")).getAttribute("data-status").equals("ACTIVE"));
        browser.find(By.id("phone-numbers"));
        assertThat(browser.driver().findElements(By.cssSelector("#phone-numbers li"))).isNotEmpty();

        browser.go("/console/#/campaigns");
        browser.find(By.id("tab-draft")).click();
        String second = draft("Live launch " + UUID.randomUUID());
        assertThat(admin().patch(CAMPAIGNS + "/" + second, readySettings("SMS", List.of("415"))).status()).isEqualTo(200);
        browser.find(row(second));
        String draftsBefore = count("draft");
        String activeBefore = count("active");
        assertThat(admin().post(CAMPAIGNS + "/" + second + "/launch").status()).isEqualTo(202);
        browser.until(d -> d.findElements(row(second)).isEmpty());
        browser.until(d -> !count("draft").equals(draftsBefore) && !count("active").equals(activeBefore));
        assertThat(Long.parseLong(count("draft"))).isEqualTo(Long.parseLong(draftsBefore) - 1);
        assertThat(Long.parseLong(count("active"))).isEqualTo(Long.parseLong(activeBefore) + 1);
        assertThat(drafts).isGreaterThanOrEqualTo(1);
        assertThat(active).isGreaterThanOrEqualTo(0);
        browser.find(By.id("tab-active")).click();
        browser.find(row(second));
        browser.find(row(id));
    }

    @Test
    void activity_recorded_through_the_api_draws_in_the_campaigns_charts() {
        EngineClient admin = admin();
        String id = admin.activeSms("Charted " + UUID.randomUUID());
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.go("/console/#/campaign/" + id + "/analytics");
        browser.find(By.id("chart-send"));

        String hour = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
        List<Map<String, Object>> records = List.of(
                Map.of("recordId", "s-1", "type", "MESSAGE_SENT", "at", hour, "contactId", "c-1", "messageId", "m-1"),
                Map.of("recordId", "s-2", "type", "MESSAGE_SENT", "at", hour, "contactId", "c-2", "messageId", "m-2"),
                Map.of("recordId", "d-1", "type", "MESSAGE_DELIVERED", "at", hour, "contactId", "c-1", "messageId", "m-1"),
                Map.of("recordId", "r-1", "type", "REPLY_RECEIVED", "at", hour, "contactId", "c-1"));
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", records)).status()).isEqualTo(200);

        browser.until(d -> sum("chart-send") > 0 && sum("chart-engagement") > 0 && sum("chart-activity") > 0);
        double hourly = sum("chart-activity");
        new Select(browser.find(By.id("granularity"))).selectByVisibleText("day");
        browser.until(d -> d.findElement(By.id("granularity-shown")).getText().equals("day"));
        assertThat(sum("chart-activity")).as("the same activity by day").isEqualTo(hourly);
    }

    /** The sum of every data point a chart draws (Chart.js keeps the chart on its canvas). */
    private double sum(String canvas) {
        Object total = browser.script("const c = Chart.getChart(document.getElementById(arguments[0]));"
                + "return c ? c.data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0) : 0;", canvas);
        return ((Number) total).doubleValue();
    }

    @Test
    void an_action_from_a_page_gone_stale_shows_the_engines_409_problem() {
        EngineClient admin = admin();
        String id = admin.activeSms("Stale page " + UUID.randomUUID());
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.go("/console/#/campaign/" + id);
        browser.find(By.id("action-pause"));
        // the page stops hearing the stream, as when the network drops it, while someone else pauses the campaign
        browser.script("window.consoleStream.close()");
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/pause").status()).isEqualTo(200);

        browser.find(By.id("action-pause")).click();
        WebElement problem = browser.find(By.id("action-problem"));
        assertThat(problem.getText()).contains("PAUSED");
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        browser.until(d -> d.findElements(By.id("action-pause")).isEmpty());
        browser.find(By.id("action-resume"));
    }

    @Test
    void a_viewer_sees_its_offices_campaigns_but_no_action_button_and_no_history() {
        account("console-viewer", "VIEWER", "north");
        String id = draftIn("north", "Viewed " + UUID.randomUUID());
        String elsewhere = draftIn("south", "Not for the viewer " + UUID.randomUUID());
        browser.signIn("console-viewer", PASSWORD);
        browser.find(row(id));
        assertThat(browser.driver().findElements(row(elsewhere))).isEmpty();
        assertThat(browser.shows(By.id("new-campaign"))).isFalse();
        assertThat(browser.driver().findElements(By.cssSelector("#campaigns input[type=checkbox]"))
                .stream().anyMatch(WebElement::isDisplayed)).isFalse();

        browser.go("/console/#/campaign/" + id);
        browser.find(By.id("campaign-status"));
        assertThat(browser.driver().findElements(By.cssSelector("#actions button"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("[id^=edit-]")).stream().anyMatch(WebElement::isDisplayed)).isFalse();
        assertThat(browser.shows(By.id("view-history"))).isFalse();
        assertThat(browser.shows(By.linkText("Audit"))).isFalse();
        assertThat(browser.shows(By.linkText("Engine"))).isFalse();
    }

    @Test
    void an_auditor_verifies_the_chain_and_reads_a_campaigns_history_with_actors() {
        account("console-auditor", "AUDITOR");
        String id = admin().activeSms("Audited " + UUID.randomUUID());
        browser.signIn("console-auditor", PASSWORD);
        browser.find(By.linkText("Audit")).click();
        browser.find(By.id("verify")).click();
        WebElement result = browser.find(By.id("verify-result"));
        browser.until(d -> result.getText().startsWith("Verified"));
        assertThat(browser.find(By.id("head")).getText()).contains("position");
        browser.find(By.cssSelector("#audit-trail tbody tr"));

        browser.go("/console/#/campaign/" + id + "/history");
        browser.find(By.cssSelector("#timeline li"));
        assertThat(browser.find(By.id("timeline")).getText()).contains("0. Created").contains("Launched").contains("by admin");
        browser.find(By.cssSelector("#timeline li button")).click();
        assertThat(browser.find(By.id("state-as-of")).getText()).contains("DRAFT");
        assertThat(browser.find(By.id("export-csv")).getAttribute("href")).endsWith("/export?format=csv");
    }

    @Test
    void an_admin_retries_a_dead_letter_and_starts_a_replay_from_the_engine_page() {
        EngineClient admin = admin();
        String id = admin.activeSms("Parked " + UUID.randomUUID());
        fault.failFor("status-index", id);
        try {
            assertThat(admin.post(CAMPAIGNS + "/" + id + "/pause").status()).isEqualTo(200);
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.find(By.linkText("Engine")).click();
            browser.find(By.cssSelector("#processors tr[data-processor='status-index']"));
            browser.find(By.cssSelector("#dead-letters tr[data-processor='status-index'] button.retry"));
        } finally {
            fault.heal();
        }
        browser.find(By.cssSelector("#dead-letters tr[data-processor='status-index'] button.retry")).click();
        browser.until(d -> d.findElements(By.cssSelector("#dead-letters tr[data-processor='status-index']")).isEmpty());
        assertThat(browser.find(By.id("engine-done")).getText()).startsWith("Retried status-index");
        admin.awaitStatus(id, "PAUSED");

        browser.find(By.id("replay-analytics")).click();
        browser.driver().switchTo().alert().accept();
        browser.until(d -> d.findElement(By.id("engine-done")).getText().equals("Replay of analytics started"));
        assertThat(browser.shows(By.id("replay-launch-process"))).as("a process is not a read model").isFalse();
    }

    @Test
    void signing_out_ends_the_session_for_the_browser_and_for_its_cookie() {
        browser.signIn("admin", ADMIN_PASSWORD);
        var cookie = browser.driver().manage().getCookieNamed("CAMPAIGN_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");

        browser.find(By.id("signout")).click();
        browser.until(d -> d.getCurrentUrl().contains("/console/login.html"));
        browser.go("/console/#/campaigns");
        browser.until(d -> d.getCurrentUrl().contains("/console/login.html"));
        EngineClient.Reply stale = new EngineClient(port, null, null)
                .send("GET", CAMPAIGNS, null, Map.of("Cookie", "CAMPAIGN_SESSION=" + cookie.getValue()));
        assertThat(stale.status()).isEqualTo(401);
    }

    @Test
    void the_campaigns_page_is_readable_at_phone_width() {
        browser.close();
        browser = Browser.open(port, 390, 844);
        String id = draft("Narrow " + UUID.randomUUID());
        browser.signIn("admin", ADMIN_PASSWORD);
        browser.find(row(id));
        Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("the page itself scrolls sideways").isLessThanOrEqualTo(0);
    }
}
