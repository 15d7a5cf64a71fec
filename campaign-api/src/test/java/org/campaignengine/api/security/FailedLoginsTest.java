package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * The failed-login throttle over HTTP. Callers come from distinct addresses through a trusted proxy
 * header (see {@link SecuredEngine}), as they would through a load balancer.
 */
class FailedLoginsTest extends SecuredEngine {

    static final String TABS = "/api/v1/campaigns/tabs";
    static final String ATTACKER = "203.0.113.66";
    static final String OWNER = "198.51.100.7";
    static final String REAL_PASSWORD = "the real long secret";

    @Test
    void repeated_failed_logins_from_one_address_are_slowed_down() {
        account("guessed", "AUDITOR");
        EngineClient guesser = new EngineClient(port, "guessed", "wrong guess at it");
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(from(ATTACKER, guesser).status()).isEqualTo(401);
        }
        Reply slowed = from(ATTACKER, guesser);
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.header("Retry-After")).isEqualTo("1");
        assertThat(slowed.text("type")).isEqualTo("urn:campaign-engine:problem:too-many-failed-logins");
        assertThat(from(ATTACKER, admin()).status()).as("other accounts are not affected").isEqualTo(200);
    }

    @Test
    void a_service_account_keeps_working_while_its_username_is_hammered_with_wrong_passwords() {
        account("hammered-service", "SERVICE");
        EngineClient attacker = new EngineClient(port, "hammered-service", "not the password at all");
        EngineClient owner = new EngineClient(port, "hammered-service", REAL_PASSWORD);
        List<Integer> attackerSaw = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Reply guess = from(ATTACKER, attacker);
            attackerSaw.add(guess.status());
            if (guess.status() == 429) {
                assertThat(guess.header("Retry-After")).isNotBlank();
            }
            assertThat(from(OWNER, owner).status()).as("the owner's call after guess %d", i + 1).isEqualTo(200);
        }
        assertThat(attackerSaw.subList(0, LoginThrottle.FREE_FAILURES)).containsOnly(401);
        assertThat(attackerSaw.get(LoginThrottle.FREE_FAILURES)).isEqualTo(429);
        assertThat(attackerSaw).containsOnly(401, 429);
        assertThat(attackerSaw.stream().filter(status -> status == 429).count())
                .as("most guesses were refused unchecked").isGreaterThan(10);
    }

    @Test
    void the_right_password_from_the_throttled_address_waits_its_turn_then_clears_the_count() {
        account("forgetful", "AUDITOR");
        EngineClient mistyping = new EngineClient(port, "forgetful", "almost the real secret");
        EngineClient remembering = new EngineClient(port, "forgetful", REAL_PASSWORD);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            from(ATTACKER, mistyping);
        }
        Reply refused = from(ATTACKER, remembering);
        assertThat(refused.status()).as("a waiting address is not told whether a password is right").isEqualTo(429);
        assertThat(from(OWNER, remembering).status()).as("another address is not kept waiting").isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> from(ATTACKER, remembering).status() == 200);
        assertThat(from(ATTACKER, mistyping).status()).as("the count started again from zero").isEqualTo(401);
    }

    private EngineClient admin() {
        return new EngineClient(port, "admin", Callers.ADMIN_PASSWORD);
    }

    private void account(String username, String role) {
        Reply created = admin().post("/api/v1/users", Map.of("username", username, "password", REAL_PASSWORD,
                "roles", List.of(role), "offices", List.of()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private static Reply from(String address, EngineClient client) {
        return client.send("GET", TABS, null, Map.of("X-Forwarded-For", address));
    }
}
