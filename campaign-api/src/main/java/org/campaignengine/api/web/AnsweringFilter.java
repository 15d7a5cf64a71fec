package org.campaignengine.api.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filter that answers some failures of the filters and servlet after it with a problem of its own:
 * failures thrown from servlet filters never reach the controller advice, and the servlet container
 * would answer them 500 with Spring Boot's own error body. What it does not answer, or can no longer
 * answer (the response is committed), goes on up. The request id header survives the reset.
 */
public abstract class AnsweringFilter extends OncePerRequestFilter {

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!answers(e) || response.isCommitted()) {
                throw e;
            }
            String requestId = response.getHeader(RequestContext.REQUEST_ID_HEADER);
            response.reset();
            if (requestId != null) {
                response.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
            }
            answer(request, response, e);
        }
    }

    /** Whether this filter answers {@code failure}. */
    protected abstract boolean answers(Exception failure);

    /** Writes the answer to a response that has been reset. */
    protected abstract void answer(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException;
}
