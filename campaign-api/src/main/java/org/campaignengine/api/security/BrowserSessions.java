package org.campaignengine.api.security;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The operator console's sign-in, as the security chain and {@link SessionController} share it: a server-side
 * session (kept in the database by Spring Session, so every node sees it) holds the caller's security context
 * and a CSRF token. Machines keep HTTP Basic and Bearer, which never make or read a session here.
 * <p>
 * A request is <em>authenticated by the session</em> when it names a session that exists. Every state-changing
 * such request must carry the session's CSRF token in {@value #CSRF_HEADER}: the browser sends the cookie on
 * its own, even for a page of another site, but only a script of the console's own origin can read the token
 * (it is in the body of {@code POST} and {@code GET /api/v1/session}, never in a cookie).
 * {@code POST /api/v1/session} itself needs no token: it only takes {@code application/json} (anything else is
 * 415 before any password is looked at), which a cross-site form cannot send, and a cross-site script can only
 * send it after a CORS preflight that the engine, enabling no CORS, never grants.
 */
@Component
class BrowserSessions {

    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final String cookieName;
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    private final HttpSessionSecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    BrowserSessions(@Value("${server.servlet.session.cookie.name:CAMPAIGN_SESSION}") String cookieName) {
        this.cookieName = cookieName;
        csrfTokens.setHeaderName(CSRF_HEADER);
        // only SessionController starts a session; nothing in the chain may make one for a Basic or Bearer call
        sessionContexts.setAllowSessionCreation(false);
    }

    /** The CSRF tokens, one per session, kept in the session. */
    CsrfTokenRepository csrfTokens() {
        return csrfTokens;
    }

    /** Where a request's security context is: in the request (Basic, Bearer), else in its session if it has one. */
    SecurityContextRepository contexts() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessionContexts);
    }

    HttpSessionSecurityContextRepository sessionContexts() {
        return sessionContexts;
    }

    /**
     * Which requests must carry the CSRF token: state-changing ones that name an existing session, except
     * signing in (see the class comment). One with Basic or Bearer and no session needs none, as before.
     */
    RequestMatcher csrfRequired() {
        return request -> STATE_CHANGING.contains(request.getMethod())
                && !(HttpMethod.POST.matches(request.getMethod()) && AccessRules.SESSION.equals(path(request)))
                && request.getRequestedSessionId() != null
                && request.getSession(false) != null;
    }

    /**
     * A browser's script ({@code X-Requested-With: XMLHttpRequest}) or a request with a session cookie, live or
     * stale: its 401 names no {@code WWW-Authenticate} scheme, so the browser pops no Basic dialog of its own.
     */
    boolean fromBrowser(HttpServletRequest request) {
        return "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With")) || hasCookie(request);
    }

    boolean hasCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (cookieName.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
