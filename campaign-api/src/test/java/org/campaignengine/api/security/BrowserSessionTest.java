package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator console's sign-in over real HTTP, as a browser would use it: the cookie the engine sets is sent
 * back by hand with the CSRF token, the way the console's script does. Machines' Basic calls are checked to be
 * exactly as before: no cookie, no token.
 */
class BrowserSessionTest extends SecuredEngine {

    static final String SESSION = "/api/v1/session";
    static final String CAMPAIGNS = "/api/v1/campaigns";
    static final String COOKIE = "CAMPAIGN_SESSION";
    static final Map<String, String> XHR = Map.of("X-Requested-With", "XMLHttpRequest");
    private static Callers callers;

    /** A signed-in browser: its session cookie and CSRF token. */
    record Browser(EngineClient client, String cookie, String token) {

        Reply send(String method, String path, Object body, boolean withToken) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Cookie", COOKIE + "=" + cookie);
            headers.put("X-Requested-With", "XMLHttpRequest");
            if (withToken) {
                headers.put("X-CSRF-TOKEN", token);
            }
            return client.send(method, path, body, headers);
        }

        Reply get(String path) {
            return send("GET", path, null, false);
        }
    }

    @BeforeEach
    void accounts() {
        if (callers == null) {
            callers = new Callers(port, "session");
        }
    }

    @Test
    void signing_in_sets_an_http_only_same_site_strict_cookie_not_secure_over_plain_http() {
        Reply signedIn = signIn("manager-session", Callers.PASSWORD, Map.of());
        assertThat(signedIn.status()).as(signedIn.body().toString()).isEqualTo(200);
        assertThat(signedIn.text("username")).isEqualTo("manager-session");
        assertThat(signedIn.body().path("roles").toString()).isEqualTo("[\"MANAGER\"]");
        assertThat(signedIn.body().path("offices").toString()).isEqualTo("[\"" + Callers.OFFICE + "\"]");
        assertThat(signedIn.body().path("csrf").path("headerName").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(signedIn.body().path("csrf").path("token").asText()).isNotBlank();
        String cookie = signedIn.header("Set-Cookie");
        assertThat(cookie).startsWith(COOKIE + "=").contains("; Path=/").contains("; HttpOnly")
                .contains("; SameSite=Strict").doesNotContain("Secure");
    }

    @Test
    void behind_a_trusted_balancer_that_received_https_the_cookie_is_secure() {
        Reply signedIn = signIn("viewer-session", Callers.PASSWORD, Map.of("X-Forwarded-Proto", "https"));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("Set-Cookie")).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict");
    }

    @Test
    void a_wrong_password_is_401_without_www_authenticate_and_counted_as_a_failed_login() {
        double before = loginFailures();
        Reply refused = signIn("auditor-session", "not the password at all", Map.of());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isNull();
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(loginFailures()).isGreaterThan(before);
        assertThat(signIn("no-such-account", "whatever it is", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void signing_in_is_throttled_like_basic_for_its_username_and_address() {
        Map<String, String> attacker = Map.of("X-Forwarded-For", "203.0.113.77");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(signIn("service-session", "wrong guess number " + i, attacker).status()).isEqualTo(401);
        }
        Reply slowed = signIn("service-session", Callers.PASSWORD, attacker);
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.header("Retry-After")).isNotBlank();
        assertThat(slowed.text("type")).isEqualTo("urn:campaign-engine:problem:too-many-failed-logins");
        EngineClient basic = new EngineClient(port, "service-session", Callers.PASSWORD);
        assertThat(basic.send("GET", CAMPAIGNS + "/tabs", null, attacker).status())
                .as("Basic from the same address waits too: one count").isEqualTo(429);
        assertThat(signIn("service-session", Callers.PASSWORD, Map.of("X-Forwarded-For", "198.51.100.8")).status())
                .as("the owner's own address").isEqualTo(200);
    }

    @Test
    void a_body_that_is_not_json_is_415_and_checks_no_password() throws Exception {
        double before = loginFailures();
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x")) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + SESSION))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Callers.ADMIN_PASSWORD))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(type).isEqualTo(415);
            assertThat(refused.body()).contains("urn:campaign-engine:problem:unsupported-media-type");
            assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(callers.anonymous.post(SESSION, Map.of("username", "admin")).status()).isEqualTo(400);
        assertThat(loginFailures()).isEqualTo(before);
    }

    @Test
    void the_session_answers_who_is_signed_in_with_the_same_token() {
        Browser browser = browser("viewer-session");
        Reply current = browser.get(SESSION);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.text("username")).isEqualTo("viewer-session");
        assertThat(current.body().path("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(current.body().path("csrf").path("token").asText()).isEqualTo(browser.token());
        assertThat(current.header("Set-Cookie")).as("the same session").isNull();
        Reply basic = callers.admin.get(SESSION);
        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.text("username")).isEqualTo("admin");
        assertThat(basic.body().path("csrf").isNull()).as("Basic needs no token").isTrue();
        assertThat(basic.header("Set-Cookie")).isNull();
        Reply anonymous = callers.anonymous.send("GET", SESSION, null, XHR);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isNull();
    }

    @Test
    void a_state_changing_call_of_the_session_without_the_csrf_token_is_403_and_changes_nothing() {
        String id = northCampaign();
        Browser browser = browser("manager-session");
        Reply refused = browser.send("PATCH", CAMPAIGNS + "/" + id, Map.of("tags", List.of("no-token")), false);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("urn:campaign-engine:problem:invalid-csrf-token");
        assertThat(refused.text("detail")).contains("missing");
        Browser forged = new Browser(browser.client(), browser.cookie(), "not-the-token");
        Reply wrong = forged.send("PATCH", CAMPAIGNS + "/" + id, Map.of("tags", List.of("wrong-token")), true);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text("detail")).contains("invalid");
        assertThat(browser.send("POST", CAMPAIGNS, readySms("No token"), false).status()).isEqualTo(403);
        Reply unchanged = callers.admin.campaign(id, 0);
        assertThat(unchanged.version()).isZero();
        assertThat(unchanged.body().path("tags").toString()).doesNotContain("token");

        Reply patched = browser.send("PATCH", CAMPAIGNS + "/" + id, Map.of("tags", List.of("with-token")), true);
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        Reply changed = callers.admin.campaign(id, patched.version());
        assertThat(changed.body().path("tags").toString()).contains("with-token");
        Reply history = callers.admin.get(CAMPAIGNS + "/" + id + "/history");
        assertThat(history.body().toString()).as("the actor is the session's account").contains("manager-session");
    }

    @Test
    void a_viewers_session_is_refused_a_managers_command_as_basic_is() {
        String id = northCampaign();
        Browser viewer = browser("viewer-session");
        assertThat(viewer.get(CAMPAIGNS + "/" + id).status()).isEqualTo(200);
        Reply refused = viewer.send("POST", CAMPAIGNS + "/" + id + "/archive", null, true);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(callers.byRole.get("VIEWER").post(CAMPAIGNS + "/" + id + "/archive").status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void a_sessions_offices_limit_it_as_they_limit_basic() {
        String north = northCampaign();
        Browser south = browser("manager-south-session");
        assertThat(south.get(SESSION).body().path("offices").toString()).isEqualTo("[\"" + Callers.OTHER_OFFICE + "\"]");
        assertThat(south.get(CAMPAIGNS + "/" + north).status()).isEqualTo(404);
        assertThat(south.send("POST", CAMPAIGNS + "/" + north + "/archive", null, true).status()).isEqualTo(404);
        assertThat(browser("manager-session").get(CAMPAIGNS + "/" + north).status()).isEqualTo(200);
    }

    @Test
    void after_signing_out_the_old_cookie_is_401_everywhere() {
        Browser browser = browser("auditor-session");
        assertThat(browser.send("DELETE", SESSION, null, false).status()).as("signing out needs the token").isEqualTo(403);
        Reply out = browser.send("DELETE", SESSION, null, true);
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).startsWith(COOKIE + "=").contains("Max-Age=0");
        for (Reply stale : List.of(browser.get(SESSION), browser.get(CAMPAIGNS + "/tabs"),
                browser.send("POST", CAMPAIGNS, readySms("After sign-out"), true),
                browser.send("POST", CAMPAIGNS, readySms("After sign-out"), false),
                browser.client().send("GET", SESSION, null, Map.of("Cookie", COOKIE + "=" + browser.cookie())))) {
            assertThat(stale.status()).isEqualTo(401);
            assertThat(stale.header("WWW-Authenticate")).as("a stale cookie pops no Basic dialog").isNull();
            assertThat(stale.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void disabling_an_account_ends_its_sessions_at_once() {
        Reply made = callers.admin.post("/api/v1/users", Map.of("username", "leaving-session", "password",
                Callers.PASSWORD, "roles", List.of("AUDITOR"), "offices", List.of()));
        assertThat(made.status()).isEqualTo(201);
        Browser browser = browser("leaving-session");
        assertThat(browser.get(CAMPAIGNS + "/tabs").status()).isEqualTo(200);
        assertThat(callers.admin.delete("/api/v1/users/leaving-session").status()).isEqualTo(204);
        assertThat(browser.get(CAMPAIGNS + "/tabs").status()).isEqualTo(401);
        assertThat(signIn("leaving-session", Callers.PASSWORD, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void signing_in_again_starts_a_new_session_and_ends_the_one_the_browser_had() {
        Browser first = browser("auditor-session");
        Reply again = callers.anonymous.send("POST", SESSION, Map.of("username", "auditor-session",
                "password", Callers.PASSWORD), Map.of("Cookie", COOKIE + "=" + first.cookie()));
        assertThat(again.status()).isEqualTo(200);
        String cookie = cookieValue(again);
        assertThat(cookie).isNotEqualTo(first.cookie());
        assertThat(again.body().path("csrf").path("token").asText()).isNotEqualTo(first.token());
        assertThat(first.get(SESSION).status()).isEqualTo(401);
        assertThat(new Browser(callers.anonymous, cookie, null).get(SESSION).status()).isEqualTo(200);
    }

    @Test
    void basic_needs_no_csrf_token_and_gets_no_cookie() {
        Reply created = callers.admin.post(CAMPAIGNS, readySms("Basic as before"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Set-Cookie")).isNull();
        Reply read = callers.byRole.get("VIEWER").get(CAMPAIGNS + "/tabs");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Set-Cookie")).isNull();
        Reply wrong = new EngineClient(port, "admin", "a wrong password").get(CAMPAIGNS + "/tabs");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Set-Cookie")).isNull();
        Reply anonymous = callers.anonymous.get(CAMPAIGNS + "/tabs");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).as("unchanged for machines").startsWith("Basic");
        assertThat(anonymous.header("Set-Cookie")).isNull();
    }

    @Test
    void the_live_stream_accepts_the_session_cookie() {
        Browser browser = browser("viewer-session");
        Reply stream = browser.get("/api/v1/stream");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
    }

    @Test
    void an_xhr_without_credentials_gets_401_without_www_authenticate() {
        Reply refused = callers.anonymous.send("GET", CAMPAIGNS + "/tabs", null, XHR);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isNull();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void the_root_and_the_console_path_redirect_to_the_console() {
        for (String path : List.of("/", "/console")) {
            Reply redirect = callers.anonymous.get(path);
            assertThat(redirect.status()).as(path).isEqualTo(302);
            assertThat(redirect.header("Location")).as(path).endsWith("/console/");
        }
    }

    @Test
    void the_console_is_served_without_credentials_and_a_missing_file_is_the_engines_problem() {
        Reply page = callers.anonymous.get("/console/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body().asText()).containsIgnoringCase("<html");
        assertThat(callers.anonymous.get("/console/index.html").status()).isEqualTo(200);
        assertThat(page.header("Set-Cookie")).isNull();

        Reply missing = callers.anonymous.get("/console/no-such-file.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("type")).isEqualTo("urn:campaign-engine:problem:no-such-path");
        Reply unknownApi = callers.admin.get("/api/v1/no-such-thing");
        assertThat(unknownApi.status()).isEqualTo(404);
        assertThat(unknownApi.text("type")).isEqualTo("urn:campaign-engine:problem:no-such-path");
        assertThat(callers.anonymous.get("/api/v1/no-such-thing").status()).as("the API stays closed").isEqualTo(401);
    }

    private Reply signIn(String username, String password, Map<String, String> headers) {
        return callers.anonymous.send("POST", SESSION, Map.of("username", username, "password", password), headers);
    }

    private Browser browser(String username) {
        Reply signedIn = signIn(username, Callers.PASSWORD, Map.of());
        assertThat(signedIn.status()).as(signedIn.body().toString()).isEqualTo(200);
        return new Browser(callers.anonymous, cookieValue(signedIn), signedIn.body().path("csrf").path("token").asText());
    }

    private static String cookieValue(Reply reply) {
        String header = reply.header("Set-Cookie");
        assertThat(header).startsWith(COOKIE + "=");
        return header.substring(COOKIE.length() + 1, header.indexOf(';'));
    }

    private String northCampaign() {
        Reply created = callers.admin.post(CAMPAIGNS, readySms("Session campaign"));
        assertThat(created.status()).isEqualTo(201);
        callers.admin.campaign(created.text("id"), 0);
        return created.text("id");
    }

    private double loginFailures() {
        Reply metrics = callers.admin.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        for (String line : metrics.body().asText().split("\n")) {
            if (line.startsWith("campaign_security_login_failures_total")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
