package org.campaignengine.api.security;

import static org.campaignengine.api.web.openapi.ProblemType.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.campaignengine.api.accounts.Role;
import org.campaignengine.api.web.StoreUnavailable;
import org.campaignengine.api.web.openapi.Refusals;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Browser sign-in for the operator console ({@link BrowserSessions}): the password is checked as HTTP Basic checks
 * it (the same accounts, password memo, failed-login throttle and metrics, all through Spring Security's
 * authentication manager and its events), and the session then holds the same principal, so the access rules and
 * office limits apply unchanged.
 */
@Tag(name = "accounts")
@RestController
class SessionController {

    private static final String COOKIE = "The session cookie, `CAMPAIGN_SESSION`: HttpOnly, SameSite=Strict, Path=/, "
            + "Secure over TLS (or behind a trusted balancer that says so); it ends after 30 minutes without a request.";

    private final AuthenticationConfiguration authentication;
    private final LoginThrottle throttle;
    private final LoginMetrics metrics;
    private final BrowserSessions sessions;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    SessionController(AuthenticationConfiguration authentication, LoginThrottle throttle, LoginMetrics metrics,
                      BrowserSessions sessions) {
        this.authentication = authentication;
        this.throttle = throttle;
        this.metrics = metrics;
        this.sessions = sessions;
    }

    /*
     * No CSRF token is asked of this request (BrowserSessions.csrfRequired): it only takes application/json, which
     * a cross-site form cannot send, and a cross-site script cannot send without a CORS preflight, which the engine
     * (enabling no CORS) never grants.
     */
    @Operation(summary = "Sign in (browser session)", description = "Checks the account's password exactly as HTTP Basic "
            + "does (a disabled account, a wrong password and an unknown username are all 401; after 5 failures from one "
            + "address that address waits, 429) and starts a server-side session: the answer sets the session cookie "
            + "and carries the CSRF token that every POST, PUT, PATCH and DELETE of the session must send in "
            + "`X-CSRF-TOKEN`. A session the browser had before is ended: the new one has a new id. The body must be "
            + "`application/json` (anything else is 415): that, with no CORS enabled, is why this request needs no CSRF "
            + "token. Wrong credentials are answered without `WWW-Authenticate`, so a browser shows no dialog of its own. "
            + "For the operator console; machines keep using Basic or Bearer, which need neither cookie nor token.")
    @ApiResponse(responseCode = "200", description = "Signed in. " + COOKIE, useReturnTypeSchema = true,
            headers = @Header(name = "Set-Cookie", description = "The new session's cookie.",
                    schema = @Schema(type = "string", example = "CAMPAIGN_SESSION=ZTFm...; Path=/; HttpOnly; SameSite=Strict")))
    @SecurityRequirements
    @Refusals({UNAUTHENTICATED, TOO_MANY_FAILED_LOGINS})
    @PostMapping(path = AccessRules.SESSION, consumes = MediaType.APPLICATION_JSON_VALUE)
    SessionView signIn(@RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
        body.requireValid();
        Duration wait = throttle.wait(body.username(), request.getRemoteAddr());
        if (!wait.isZero()) {
            metrics.throttled();
            throw new Throttled(LoginThrottleFilter.retrySeconds(wait));
        }
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password());
        attempt.setDetails(details.buildDetails(request));
        Authentication signedIn;
        try {
            // publishes the same success and failure events as Basic: LoginThrottle and LoginMetrics count them
            signedIn = manager().authenticate(attempt);
        } catch (AuthenticationException refused) {
            if (StoreUnavailable.causes(refused)) {
                throw refused; // the advice answers 503: the password was not checked, so 401 would mislead
            }
            throw new WrongCredentials();
        }
        HttpSession earlier = request.getSession(false);
        if (earlier != null) {
            earlier.invalidate(); // session fixation: whatever session the browser brought, the new one is another
        }
        request.getSession(true);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(signedIn);
        contexts.setContext(context);
        sessions.sessionContexts().saveContext(context, request, response);
        CsrfTokenRepository tokens = sessions.csrfTokens();
        CsrfToken token = tokens.generateToken(request);
        tokens.saveToken(token, request, response);
        return view(signedIn, token);
    }

    @Operation(summary = "Who is signed in", description = "The caller's username, roles and offices. With the session "
            + "cookie, also the session's CSRF token (the console reads it again after a reload); with Basic or Bearer "
            + "credentials and no session, `csrf` is null. Without credentials, or with a session that ended, 401 "
            + "without `WWW-Authenticate` when the request carries the session cookie or `X-Requested-With: "
            + "XMLHttpRequest`.")
    @ApiResponse(responseCode = "200", description = "The caller.", useReturnTypeSchema = true)
    @GetMapping(AccessRules.SESSION)
    SessionView current(HttpServletRequest request, HttpServletResponse response) {
        Authentication caller = contexts.getContext().getAuthentication();
        CsrfToken token = null;
        if (request.getSession(false) != null) {
            CsrfTokenRepository tokens = sessions.csrfTokens();
            token = tokens.loadToken(request);
            if (token == null) {
                token = tokens.generateToken(request);
                tokens.saveToken(token, request, response);
            }
        }
        return view(caller, token);
    }

    @Operation(summary = "Sign out (browser session)", description = "Ends the session on every node: it is deleted from "
            + "the database and the cookie is cleared (`Max-Age=0`); the old cookie is answered 401 from then on. Needs "
            + "the session's CSRF token in `X-CSRF-TOKEN`, like every state-changing request of a session. Without a "
            + "session (Basic or Bearer credentials) there is nothing to end: 204 all the same.")
    @ApiResponse(responseCode = "204", description = "Signed out; no body.",
            headers = @Header(name = "Set-Cookie", description = "Clears the session cookie.",
                    schema = @Schema(type = "string", example = "CAMPAIGN_SESSION=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict")))
    @Refusals({INVALID_CSRF_TOKEN})
    @DeleteMapping(AccessRules.SESSION)
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        contexts.clearContext();
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(WrongCredentials.class)
    ProblemDetail wrongCredentials() {
        // no WWW-Authenticate: the console's script asked, and a browser must not pop a Basic dialog
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong username or password, or a disabled account");
    }

    @ExceptionHandler(Throttled.class)
    ResponseEntity<ProblemDetail> throttled(Throttled e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(LoginThrottleFilter.tooManyFailedLogins(e.seconds));
    }

    private AuthenticationManager manager() {
        try {
            return authentication.getAuthenticationManager();
        } catch (Exception e) {
            throw new IllegalStateException("Spring Security's authentication manager is not available", e);
        }
    }

    private static SessionView view(Authentication caller, CsrfToken token) {
        List<String> roles = new ArrayList<>();
        List<String> offices = new ArrayList<>();
        for (GrantedAuthority granted : caller.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority.startsWith(CallerScope.OFFICE_PREFIX)) {
                offices.add(authority.substring(CallerScope.OFFICE_PREFIX.length()));
            }
        }
        for (Role role : Role.values()) {
            if (caller.getAuthorities().stream().anyMatch(granted -> role.authority().equals(granted.getAuthority()))) {
                roles.add(role.name());
            }
        }
        offices.sort(null);
        return new SessionView(caller.getName(), roles, offices,
                token == null ? null : new SessionView.Csrf(token.getHeaderName(), token.getToken()));
    }

    static final class WrongCredentials extends RuntimeException {
        WrongCredentials() {
            super("wrong credentials", null, false, false);
        }
    }

    static final class Throttled extends RuntimeException {
        final long seconds;

        Throttled(long seconds) {
            super("throttled", null, false, false);
            this.seconds = seconds;
        }
    }
}
