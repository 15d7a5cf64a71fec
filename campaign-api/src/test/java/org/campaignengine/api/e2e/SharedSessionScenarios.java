package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two engine nodes over one store, as behind a load balancer: a browser session started on one is served by the
 * other (Spring Session keeps it in the database), and signing out on either ends it on both. Subclasses choose
 * the store.
 */
abstract class SharedSessionScenarios {

    static final String SESSION = "/api/v1/session";
    static final String COOKIE = "CAMPAIGN_SESSION";

    abstract EngineNodes nodes();

    @Test
    void a_session_started_on_one_node_is_served_by_the_other_and_ended_on_both() {
        try (EngineNodes nodes = nodes()) {
            ConfigurableApplicationContext first = nodes.start();
            ConfigurableApplicationContext second = nodes.start();
            EngineClient one = EngineNodes.client(first).anonymous();
            EngineClient two = EngineNodes.client(second).anonymous();

            Reply signedIn = one.post(SESSION, Map.of("username", "admin", "password", EngineScenarios.PASSWORD));
            assertThat(signedIn.status()).as(signedIn.body().toString()).isEqualTo(200);
            String setCookie = signedIn.header("Set-Cookie");
            String cookie = COOKIE + "=" + setCookie.substring(COOKIE.length() + 1, setCookie.indexOf(';'));
            String token = signedIn.body().path("csrf").path("token").asText();
            assertThat(EngineNodes.jdbc(first).queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class))
                    .as("kept in the database").isEqualTo(1);

            Reply elsewhere = two.send("GET", SESSION, null, Map.of("Cookie", cookie));
            assertThat(elsewhere.status()).isEqualTo(200);
            assertThat(elsewhere.text("username")).isEqualTo("admin");
            assertThat(elsewhere.body().path("csrf").path("token").asText()).isEqualTo(token);
            Reply created = two.send("POST", "/api/v1/campaigns", Campaigns.readySms("Made on the other node"),
                    Map.of("Cookie", cookie, "X-CSRF-TOKEN", token));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            assertThat(two.send("POST", "/api/v1/campaigns", Campaigns.readySms("No token"),
                    Map.of("Cookie", cookie)).status()).isEqualTo(403);

            Reply out = two.send("DELETE", SESSION, null, Map.of("Cookie", cookie, "X-CSRF-TOKEN", token));
            assertThat(out.status()).isEqualTo(204);
            Reply stale = one.send("GET", "/api/v1/campaigns/tabs", null, Map.of("Cookie", cookie));
            assertThat(stale.status()).as("ended on the node that made it too").isEqualTo(401);
            assertThat(stale.header("WWW-Authenticate")).isNull();
            assertThat(EngineNodes.jdbc(first).queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class))
                    .isZero();
        }
    }
}
