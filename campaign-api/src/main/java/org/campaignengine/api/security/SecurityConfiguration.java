package org.campaignengine.api.security;

import java.io.IOException;

import org.campaignengine.api.accounts.AccountStore;
import org.campaignengine.api.web.Problems;
import org.campaignengine.api.web.StoreUnavailable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.savedrequest.NullRequestCache;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what. HTTP Basic for the accounts the engine keeps; Bearer JWT as well when Spring's
 * resource-server properties name an issuer, key set or public key; and for the operator console, a browser
 * session started with the same accounts' passwords ({@link BrowserSessions}, {@link SessionController}), whose
 * state-changing requests must carry its CSRF token. Roles per endpoint are {@link AccessRules}; everything but
 * {@code /actuator/health} (and its probes), the console's static files and signing in needs credentials.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, LoginThrottle throttle,
                            ObjectProvider<JwtDecoder> jwtDecoder, LoginMetrics loginMetrics, BrowserSessions sessions,
                            @Value("${campaign.metrics.public-scrape:false}") boolean publicMetrics) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated(json, jwtDecoder.getIfAvailable() != null, sessions);
        http
                // only requests of a browser session need the token; Basic and Bearer ones without one do not
                .csrf(csrf -> csrf
                        .csrfTokenRepository(sessions.csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(sessions.csrfRequired()))
                // a session is made by POST /api/v1/session alone (SessionController), never by the chain
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .securityContext(context -> context.securityContextRepository(sessions.contexts()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .authorizeHttpRequests(registry -> AccessRules.apply(registry, publicMetrics))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied(json)))
                .addFilterBefore(new LoginThrottleFilter(throttle, json, loginMetrics), BasicAuthenticationFilter.class)
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(Customizer.withDefaults());
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtAuthorities()))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied(json)));
        }
        return http.build();
    }

    /**
     * Spring Security would observe every filter of its chain, the chain and each authentication on every
     * request: even with those observations switched off by name, the decorators that make them wrapped every
     * filter, a tenth of a command's request thread. Without them nothing is observed by Spring Security; HTTP
     * request metrics, login failures and throttled requests are measured by the engine itself.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's chain without Spring MVC's handler look-up before it ({@link WithoutHandlerLookupCache}). */
    @Bean
    static BeanFactoryPostProcessor withoutHandlerLookupCache() {
        return new WithoutHandlerLookupCache();
    }

    /** The firewall Spring Security applies to every request, its header checks cheap for plain text. */
    @Bean
    HttpFirewall firewall() {
        return PlainTextFirstFirewall.create();
    }

    @Bean
    UserDetailsService accounts(AccountStore accounts) {
        return new AccountUserDetails(accounts);
    }

    /**
     * 401, or 503 when the credentials could not be checked because the accounts' database is out of
     * reach: a 401 would tell the caller its password is wrong.
     */
    private static AuthenticationEntryPoint unauthenticated(ObjectMapper json, boolean bearer, BrowserSessions sessions) {
        return (request, response, e) -> {
            if (StoreUnavailable.causes(e)) {
                StoreUnavailable.write(json, response);
                return;
            }
            // a browser's script, or a session that ended: no scheme named, so the browser shows no Basic dialog
            if (!sessions.fromBrowser(request)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"campaign-engine\"");
                if (bearer) {
                    response.addHeader("WWW-Authenticate", "Bearer");
                }
            }
            write(json, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Authentication is required"));
        };
    }

    /** 403: the role may not call this, or a request of a browser session lacks its CSRF token. */
    private static AccessDeniedHandler denied(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                String detail = e instanceof MissingCsrfTokenException || request.getHeader(BrowserSessions.CSRF_HEADER) == null
                        ? "The CSRF token is missing: a request signed in by the session cookie that changes anything must "
                                + "carry the session's token in the " + BrowserSessions.CSRF_HEADER + " header"
                        : "The CSRF token is invalid: it is not this session's (see GET /api/v1/session)";
                write(json, response, Problems.of(HttpStatus.FORBIDDEN, "invalid-csrf-token", "CSRF token missing or invalid",
                        detail));
                return;
            }
            write(json, response, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Not allowed for this account"));
        };
    }

    static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(json, response, problem);
    }
}
