package org.campaignengine.api.security;

import java.io.IOException;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When the identity provider cannot be reached to learn its keys, a bearer token can be neither
 * accepted nor refused: the answer is 503 (retry later), not a 500, and not a 401 that would tell the
 * client its token is bad. Runs around Spring Security's filter chain.
 */
class IdentityProviderUnavailable extends OncePerRequestFilter {

    private final ObjectMapper json;

    IdentityProviderUnavailable(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!keysUnavailable(e) || response.isCommitted()) {
                throw e;
            }
            logger.warn("the identity provider cannot be reached: " + e.getMessage());
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            Problems.write(json, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "Identity provider unavailable", "Bearer tokens cannot be checked now; retry later"));
        }
    }

    private static boolean keysUnavailable(Throwable e) {
        return e instanceof JwtDecoderInitializationException || e.getCause() instanceof JwtDecoderInitializationException;
    }
}
