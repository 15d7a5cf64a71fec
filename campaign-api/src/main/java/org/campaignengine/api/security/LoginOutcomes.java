package org.campaignengine.api.security;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * What Spring Security's authentication managers report. A failure is published as Spring Security publishes
 * it ({@link LoginThrottle} and {@link LoginMetrics} listen). A success, which every request signed in by
 * Basic reports, goes to the throttle alone and directly: published, it went through the application's event
 * multicaster to its listeners on every request (about 1.5 % of a command's request thread), and the throttle
 * is its only reader.
 */
final class LoginOutcomes implements AuthenticationEventPublisher {

    private final AuthenticationEventPublisher failures;
    private final LoginThrottle throttle;

    LoginOutcomes(AuthenticationEventPublisher failures, LoginThrottle throttle) {
        this.failures = failures;
        this.throttle = throttle;
    }

    @Override
    public void publishAuthenticationSuccess(Authentication authentication) {
        throttle.succeeded(authentication);
    }

    @Override
    public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
        failures.publishAuthenticationFailure(exception, authentication);
    }
}
