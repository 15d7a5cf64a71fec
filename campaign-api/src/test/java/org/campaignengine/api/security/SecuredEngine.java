package org.campaignengine.api.security;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One engine on an in-memory H2 for the security suites (they share it: each uses accounts of its own).
 * It trusts {@code X-Forwarded-For} from a loopback proxy, as an engine behind a load balancer would be
 * configured, so a suite can call from several client addresses. Its metrics are exported as in production
 * (Spring Boot's tests leave that off unless asked), so {@code /actuator/prometheus} is served.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + Callers.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:secured-engine;DB_CLOSE_DELAY=-1",
        "campaign.schedule.min-lead-time=PT2S",
        "campaign.schedule.lock-window=PT1S",
        "campaign.http.max-request-size=64KB",
        "server.forward-headers-strategy=native"})
abstract class SecuredEngine {

    @LocalServerPort
    int port;
}
