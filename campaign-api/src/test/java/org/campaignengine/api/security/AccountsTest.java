package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campaignengine.api.e2e.Campaigns;
import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;

class AccountsTest extends SecuredEngine {

    static final String USERS = "/api/v1/users";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    EngineClient admin() {
        return new EngineClient(port, "admin", Callers.ADMIN_PASSWORD);
    }

    Reply create(String username, String password, List<String> roles, List<String> offices) {
        return admin().post(USERS, Map.of("username", username, "password", password, "roles", roles, "offices", offices));
    }

    @Test
    void the_bootstrap_admin_signs_in_with_the_configured_password() {
        assertThat(admin().get(USERS).status()).isEqualTo(200);
        assertThat(new EngineClient(port, "admin", "not-the-password").get(USERS).status()).isEqualTo(401);
    }

    @Test
    void passwords_are_stored_as_adaptive_hashes_and_never_shown() {
        Reply created = create("hashed-user", "a long enough secret", List.of("AUDITOR"), List.of());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/users/hashed-user");
        String hash = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'hashed-user'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("a long enough secret");
        assertThat(encoder.matches("a long enough secret", hash)).isTrue();

        Reply listed = admin().get(USERS);
        assertThat(listed.body().toString()).doesNotContain("password").doesNotContain("$2");
        JsonNode account = find(listed.body(), "hashed-user");
        assertThat(account.path("roles").get(0).asText()).isEqualTo("AUDITOR");
        assertThat(account.path("enabled").asBoolean()).isTrue();
        assertThat(account.path("createdBy").asText()).isEqualTo("admin");
        assertThat(created.body().toString()).doesNotContain("secret");
    }

    @Test
    void an_unknown_role_is_refused_naming_every_role() {
        Reply refused = create("role-typo", "a long enough secret", List.of("OWNER"), List.of());
        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.body().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("roles");
        assertThat(error.path("message").asText())
                .isEqualTo("'OWNER' is not a role: must be one of ADMIN, MANAGER, SERVICE, AUDITOR, VIEWER, METRICS");
        List<String> allowed = new ArrayList<>();
        error.path("allowed").forEach(role -> allowed.add(role.asText()));
        assertThat(allowed).containsExactly("ADMIN", "MANAGER", "SERVICE", "AUDITOR", "VIEWER", "METRICS");
    }

    @Test
    void invalid_accounts_are_refused_with_every_problem_named() {
        Reply refused = create("x", "short", List.of("OWNER"), List.of());
        assertThat(refused.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        refused.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("username", "password", "roles");

        assertThat(create("scoped-no-office", "a long enough secret", List.of("MANAGER"), List.of()).status()).isEqualTo(400);
        assertThat(create("mixed-roles", "a long enough secret", List.of("MANAGER", "ADMIN"), List.of("north")).status())
                .isEqualTo(400);
        assertThat(create("too-long", "x".repeat(73), List.of("VIEWER"), List.of("north")).status()).isEqualTo(400);
        Reply massAssignment = admin().post(USERS, Map.of("username", "sneaky", "password", "a long enough secret",
                "roles", List.of("VIEWER"), "offices", List.of("north"), "enabled", false));
        assertThat(massAssignment.status()).as("unknown properties are refused, not ignored").isEqualTo(400);
        assertThat(admin().get(USERS + "/sneaky").status()).isEqualTo(404);
    }

    @Test
    void a_taken_username_answers_409() {
        assertThat(create("twice", "a long enough secret", List.of("SERVICE"), List.of()).status()).isEqualTo(201);
        assertThat(create("twice", "another long secret", List.of("ADMIN"), List.of()).status()).isEqualTo(409);
    }

    @Test
    void a_disabled_account_can_no_longer_sign_in_and_stays_listed() {
        create("leaver", "a long enough secret", List.of("SERVICE"), List.of());
        EngineClient leaver = new EngineClient(port, "leaver", "a long enough secret");
        assertThat(leaver.get("/api/v1/campaigns/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin().delete(USERS + "/leaver").status()).isEqualTo(204);
        assertThat(leaver.get("/api/v1/campaigns/" + java.util.UUID.randomUUID()).status()).isEqualTo(401);
        JsonNode account = admin().get(USERS + "/leaver").body();
        assertThat(account.path("enabled").asBoolean()).isFalse();
        assertThat(account.path("disabledAt").asText()).isNotBlank();
        assertThat(admin().delete(USERS + "/nobody-here").status()).isEqualTo(404);
        assertThat(admin().delete(USERS + "/admin").status()).as("an account cannot disable itself").isEqualTo(409);
    }

    @Test
    void events_record_the_authenticated_principal_never_a_name_from_the_body() {
        create("actor-manager", "a long enough secret", List.of("MANAGER"), List.of("north"));
        EngineClient manager = new EngineClient(port, "actor-manager", "a long enough secret");
        Map<String, Object> body = Campaigns.readySms("Whose is it");
        Reply refused = manager.post("/api/v1/campaigns", withActor(body));
        assertThat(refused.status()).as("an actor in the body is an unknown property").isEqualTo(400);
        Reply created = manager.post("/api/v1/campaigns", body);
        String metadata = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                (rs, n) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), created.text("id"));
        assertThat(metadata).contains("\"actor\":\"actor-manager\"").doesNotContain("callerOffices");
    }

    @Test
    void a_request_body_over_the_limit_answers_413() {
        String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"channel\":\"SMS\"}";
        Reply refused = admin().post("/api/v1/campaigns", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void a_streamed_request_body_without_a_length_is_cut_off_at_the_limit() throws Exception {
        byte[] huge = ("{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"channel\":\"SMS\"}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/campaigns"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString(("admin:" + Callers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
                .build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("sent chunked").isNegative();
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void errors_never_carry_stack_traces_or_sql() {
        Reply bad = admin().post("/api/v1/campaigns", "{\"name\": [1, 2], \"channel\": \"SMS\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SELECT");
        Reply unknownPath = admin().get("/api/v1/nothing-here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.body().toString()).doesNotContain("Exception").doesNotContain("trace");
    }

    private static Map<String, Object> withActor(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.put("actor", "someone-else");
        return copy;
    }

    private static JsonNode find(JsonNode accounts, String username) {
        for (JsonNode account : accounts) {
            if (account.path("username").asText().equals(username)) {
                return account;
            }
        }
        throw new AssertionError(username + " not listed");
    }
}
