package org.campaignengine.api.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.campaignengine.api.idempotency.IdempotencyStore.Entry;
import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code Idempotency-Key} on commands: the same key with the same request answers the first answer
 * again and runs nothing; the same key with another request is refused (422); a key whose first
 * request is still running answers 409. Keys are per caller. Answers of 5xx are not kept, so a
 * request the engine could not serve can be retried with its key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PATCH", "PUT", "DELETE");
    private static final Pattern ACCEPTED_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotencyStore store;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !COMMAND_METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!ACCEPTED_KEY.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 200 visible ASCII characters");
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String fingerprint = fingerprint(cached);
        String principal = caller.getName();
        Optional<Entry> existing = store.claim(principal, key, fingerprint);
        if (existing.isPresent()) {
            answerAgain(existing.get(), fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(cached, recorded);
            if (recorded.getStatus() < 500) {
                store.answer(principal, key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(principal, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerAgain(Entry entry, String fingerprint, HttpServletResponse response) throws IOException {
        if (!entry.fingerprint().equals(fingerprint)) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request");
        } else if (!entry.answered()) {
            problem(response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        } else {
            response.setStatus(entry.status());
            response.setHeader(REPLAYED_HEADER, "true");
            if (entry.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, entry.location());
            }
            if (entry.contentType() != null) {
                response.setContentType(entry.contentType());
            }
            if (entry.body() != null && !entry.body().isEmpty()) {
                response.getOutputStream().write(entry.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        Problems.write(json, response, Problems.of(status, type, status.getReasonPhrase(), detail));
    }

    /** The method, path, query and body: what makes two requests with one key the same request. */
    private static String fingerprint(CachedBodyRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(request.body());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
