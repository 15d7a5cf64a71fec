package org.campaignengine.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Slows down password guessing: after {@link #FREE_FAILURES} wrong passwords for one username, each
 * further attempt must wait, doubling from one second up to {@link #MAX_WAIT}; a right password
 * clears the count. Kept per engine node, in memory (bounded).
 */
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    private static final int MAX_TRACKED = 50_000;

    private record Failures(int count, Instant blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this username must wait before its password is checked again; zero if it need not. */
    Duration wait(String username) {
        Failures current = failures.get(username);
        if (current == null || current.blockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), current.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        if (failure.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            failed(attempt.getName());
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        failures.remove(success.getAuthentication().getName());
    }

    void failed(String username) {
        if (failures.size() >= MAX_TRACKED) {
            Instant now = clock.instant();
            failures.values().removeIf(f -> f.blockedUntil() == null || f.blockedUntil().isBefore(now));
        }
        failures.compute(username, (name, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            if (count < FREE_FAILURES) {
                return new Failures(count, null);
            }
            long seconds = 1L << Math.min(count - FREE_FAILURES, 20);
            Duration wait = Duration.ofSeconds(seconds).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : Duration.ofSeconds(seconds);
            return new Failures(count, clock.instant().plus(wait));
        });
    }
}
