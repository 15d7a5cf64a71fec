package org.campaignengine.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 429 to a Basic login for a username that must still wait from this client address, without
 * checking the password (see {@link LoginThrottle} for why not even a right one).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ObjectMapper json;
    private final LoginMetrics metrics;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json, LoginMetrics metrics) {
        this.throttle = throttle;
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
        Duration wait = username == null ? Duration.ZERO : throttle.wait(username, request.getRemoteAddr());
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        refuse(json, response, wait, metrics);
    }

    /** The 429 of a login that must still wait (Basic, or signing in to a browser session), counted as throttled. */
    static void refuse(ObjectMapper json, HttpServletResponse response, Duration wait, LoginMetrics metrics)
            throws IOException {
        metrics.throttled();
        long seconds = retrySeconds(wait);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        SecurityConfiguration.write(json, response, tooManyFailedLogins(seconds));
    }

    /** A wait in whole seconds, rounded up, at least one: the {@code Retry-After} of a 429. */
    static long retrySeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
    }

    static ProblemDetail tooManyFailedLogins(long seconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins for this account from this address; retry in " + seconds + " s");
        problem.setType(java.net.URI.create("urn:campaign-engine:problem:too-many-failed-logins"));
        return problem;
    }

    private static String basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
