package org.campaignengine.api.security;

import java.io.IOException;

import org.campaignengine.api.web.AnsweringFilter;
import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When the identity provider cannot be reached to learn its keys, a bearer token can be neither
 * accepted nor refused: the answer is 503 (retry later), not a 500, and not a 401 that would tell the
 * client its token is bad. Runs around Spring Security's filter chain.
 */
class IdentityProviderUnavailable extends AnsweringFilter {

    private final ObjectMapper json;

    IdentityProviderUnavailable(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean answers(Exception failure) {
        return failure instanceof JwtDecoderInitializationException
                || failure.getCause() instanceof JwtDecoderInitializationException;
    }

    @Override
    protected void answer(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        logger.warn("the identity provider cannot be reached: " + failure.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        Problems.write(json, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                "Identity provider unavailable", "Bearer tokens cannot be checked now; retry later"));
    }
}
