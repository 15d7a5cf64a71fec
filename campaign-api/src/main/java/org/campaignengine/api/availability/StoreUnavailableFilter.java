package org.campaignengine.api.availability;

import java.io.IOException;

import org.campaignengine.api.web.AnsweringFilter;
import org.campaignengine.api.web.StoreUnavailable;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers {@link StoreUnavailable} for a database failure thrown by a servlet filter: the login throttle,
 * the idempotency keys, anything in or after Spring Security's chain. Runs around every other filter but
 * the request id and the size limit.
 */
class StoreUnavailableFilter extends AnsweringFilter {

    private final ObjectMapper json;

    StoreUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean answers(Exception failure) {
        return StoreUnavailable.causes(failure);
    }

    @Override
    protected void answer(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        logger.warn("store unavailable in " + request.getMethod() + " " + request.getRequestURI() + ": " + failure);
        StoreUnavailable.write(json, response);
    }
}
