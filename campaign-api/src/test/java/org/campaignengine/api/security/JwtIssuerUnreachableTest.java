package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An issuer configured for discovery that does not answer: tokens get 503, Basic accounts keep working. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + Callers.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:jwt-unreachable;DB_CLOSE_DELAY=-1",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/nowhere"})
class JwtIssuerUnreachableTest {

    @LocalServerPort
    int port;

    @Test
    void a_token_that_cannot_be_checked_answers_503_not_500_or_401() {
        Reply reply = new EngineClient(port, null, null).withAuthorization("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .get("/api/v1/users");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("30");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void basic_accounts_do_not_depend_on_the_identity_provider() {
        assertThat(new EngineClient(port, "admin", Callers.ADMIN_PASSWORD).get("/api/v1/users").status()).isEqualTo(200);
    }
}
