package org.campaignengine.api.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Password guessing as Prometheus sees it: {@code campaign.security.login.failures} counts Basic logins
 * refused for a wrong username or password, {@code campaign.security.login.throttled} the logins answered
 * 429 without a look at the password ({@link LoginThrottle}). Neither is tagged with a username or address.
 */
@Component
class LoginMetrics {

    private final Counter failures;
    private final Counter throttled;

    LoginMetrics(MeterRegistry registry) {
        failures = Counter.builder("campaign.security.login.failures")
                .description("Logins refused for a wrong username or password").register(registry);
        throttled = Counter.builder("campaign.security.login.throttled")
                .description("Logins answered 429: too many failures for the username from the client address")
                .register(registry);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        failures.increment();
    }

    void throttled() {
        throttled.increment();
    }
}
