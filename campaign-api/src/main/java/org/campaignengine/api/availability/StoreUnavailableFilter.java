package org.campaignengine.api.availability;

import java.io.IOException;

import org.campaignengine.api.web.RequestContext;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers {@link StoreUnavailable} for a database failure thrown by a servlet filter: the login throttle,
 * the idempotency keys, anything in or after Spring Security's chain. Such failures never reach the
 * controller advice, and the servlet container would answer them 500 with Spring Boot's own error body.
 * Runs around every other filter but the request id and the size limit.
 */
class StoreUnavailableFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    StoreUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!StoreUnavailable.causes(e) || response.isCommitted()) {
                throw e;
            }
            logger.warn("store unavailable in " + request.getMethod() + " " + request.getRequestURI() + ": " + e);
            String requestId = response.getHeader(RequestContext.REQUEST_ID_HEADER);
            response.reset();
            if (requestId != null) {
                response.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
            }
            StoreUnavailable.write(json, response);
        }
    }
}
