package org.campaignengine.api.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

import org.campaignengine.api.idempotency.IdempotencyStore.Entry;
import org.campaignengine.api.security.EndpointRoles;
import org.campaignengine.api.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
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
 * request the engine could not serve can be retried with its key, unless its command committed: that
 * command's answer was stored with it ({@link CommitMarker}) and is what the key answers. A claim whose
 * node died is taken over by the re-sent request once its lease has run out.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PATCH", "PUT", "DELETE");
    private static final Pattern ACCEPTED_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotencyStore store;
    private final IdempotencyLeases leases;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store, IdempotencyLeases leases, ObjectMapper json) {
        this.store = store;
        this.leases = leases;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !COMMAND_METHODS.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                // signing in or out of a browser session is no command: its answer (a CSRF token) is never kept
                || request.getRequestURI().equals(EndpointRoles.SESSION);
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
        IdempotencyStore.Attempt attempt = store.claim(caller.getName(), key, fingerprint);
        if (attempt.claim() == null) {
            answerAgain(attempt.existing(), fingerprint, response);
            return;
        }
        run(attempt.claim(), cached, response, chain);
    }

    /**
     * Runs the request while holding (and renewing) its claim and keeps its answer. A key whose answer
     * could not be kept is released only if its command did not commit; the caller gets the answer anyway.
     */
    private void run(Claim claim, CachedBodyRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        request.setAttribute(CommandAnswers.CLAIM, claim);
        leases.hold(claim);
        boolean kept = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() >= 500 && lost(claim)) {
                recorded.resetBuffer();
                inProgress(recorded);
            }
            kept = recorded.getStatus() < 500 && keep(claim, recorded);
        } finally {
            leases.drop(claim);
            if (!kept) {
                release(claim);
            }
            recorded.copyBodyToResponse();
        }
    }

    /** Whether a re-send took the claim over while this run failed; if the store cannot tell, the failure stands. */
    private boolean lost(Claim claim) {
        try {
            return !store.holds(claim);
        } catch (DataAccessException e) {
            return false;
        }
    }

    private boolean keep(Claim claim, ContentCachingResponseWrapper recorded) {
        try {
            store.answer(claim, new StoredAnswer(recorded.getStatus(), recorded.getContentType(),
                    recorded.getHeader(HttpHeaders.LOCATION),
                    new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8)));
            return true;
        } catch (DataAccessException e) {
            log.warn("could not keep the answer to an Idempotency-Key; a committed command is answered from its "
                    + "marker, any other request runs again when re-sent: {}", e.toString());
            return false;
        }
    }

    private void release(Claim claim) {
        try {
            store.release(claim);
        } catch (DataAccessException e) {
            log.warn("could not release an Idempotency-Key; it is free once its lease of {} has run out: {}",
                    store.lease(), e.toString());
        }
    }

    private void answerAgain(Entry entry, String fingerprint, HttpServletResponse response) throws IOException {
        StoredAnswer answer = entry.answer();
        if (!entry.fingerprint().equals(fingerprint)) {
            problem(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request");
        } else if (answer == null) {
            inProgress(response);
        } else {
            response.setStatus(answer.status());
            response.setHeader(REPLAYED_HEADER, "true");
            if (answer.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, answer.location());
            }
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType());
            }
            if (answer.body() != null && !answer.body().isEmpty()) {
                response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }
    /** Also the answer of a run that lost its claim to a re-send (its command was rolled back): that one runs. */
    private void inProgress(HttpServletResponse response) throws IOException {
        problem(response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
                "A request with this Idempotency-Key is still being processed; retry shortly");
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        Problems.write(json, response, Problems.of(status, type, status.getReasonPhrase(), detail));
    }

    /** The method, path, query and body: what makes two requests with one key the same request. */
    private static String fingerprint(CachedBodyRequest request) {
        return fingerprint(request.getMethod(), request.getRequestURI(), request.getQueryString(), request.body());
    }

    static String fingerprint(String method, String path, String query, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
