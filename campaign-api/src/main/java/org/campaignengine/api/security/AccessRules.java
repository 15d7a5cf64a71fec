package org.campaignengine.api.security;

import static org.campaignengine.api.accounts.Role.*;

import java.util.Arrays;
import java.util.List;

import org.campaignengine.api.accounts.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which roles may call which endpoint (HTTP API, Accounts and roles), in one table. The role check comes
 * first: a role not listed gets 403 whatever the campaign; office limits are applied after it, as 404.
 * An endpoint missing here is ADMIN-only, so a new endpoint is closed until it is added.
 */
final class AccessRules {

    /** {@code open}: anyone may call it, without credentials (the console's static files, signing in). */
    record Rule(HttpMethod method, String path, List<Role> roles, boolean open) {
    }

    /** Every role of the API; not METRICS, a scraper's role, which reads the metrics alone. */
    private static final List<Role> EVERYONE = List.of(ADMIN, MANAGER, SERVICE, AUDITOR, VIEWER);
    /** Who may read the metrics: an operator, or a scraper's account (Operations, Metrics). */
    static final List<Role> SCRAPERS = List.of(ADMIN, METRICS);
    static final List<String> METRICS_PATHS = List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**");
    private static final List<Role> CAMPAIGN_MANAGERS = List.of(ADMIN, MANAGER);
    private static final List<Role> AUDITORS = List.of(ADMIN, AUDITOR);
    private static final String CAMPAIGN = "/api/v1/campaigns/*";
    /** Every account, whatever its role: a browser session is theirs to read and end. */
    private static final List<Role> ANY_ACCOUNT = List.of(Role.values());
    /** Browser sign-in: POST starts a session, GET reads it, DELETE ends it (SessionController). */
    static final String SESSION = "/api/v1/session";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    static final List<Rule> RULES = List.of(
            // the operator console's static files hold no data; signing in is where credentials are given
            open(HttpMethod.GET, "/"),
            open(HttpMethod.GET, "/console"),
            open(HttpMethod.GET, "/console/**"),
            open(HttpMethod.GET, "/webjars/**"),
            open(HttpMethod.GET, "/favicon.ico"),
            open(HttpMethod.POST, SESSION),
            rule(HttpMethod.GET, SESSION, ANY_ACCOUNT),
            rule(HttpMethod.DELETE, SESSION, ANY_ACCOUNT),
            rule(HttpMethod.GET, "/api/v1/campaigns", EVERYONE),
            rule(HttpMethod.GET, "/api/v1/campaigns/tabs", EVERYONE),
            rule(HttpMethod.GET, CAMPAIGN, EVERYONE),
            rule(HttpMethod.POST, "/api/v1/campaigns", CAMPAIGN_MANAGERS),
            rule(HttpMethod.PATCH, CAMPAIGN, CAMPAIGN_MANAGERS),
            rule(HttpMethod.DELETE, CAMPAIGN, CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/schedule", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/unschedule", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/launch", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/pause", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/resume", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/stop", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/restart", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/archive", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/clone", CAMPAIGN_MANAGERS),
            rule(HttpMethod.POST, CAMPAIGN + "/suspend", List.of(ADMIN, SERVICE)),
            rule(HttpMethod.POST, CAMPAIGN + "/complete", List.of(ADMIN, MANAGER, SERVICE)),
            rule(HttpMethod.POST, CAMPAIGN + "/error", List.of(ADMIN, MANAGER, SERVICE)),
            rule(HttpMethod.POST, CAMPAIGN + "/activity", List.of(ADMIN, SERVICE)),
            rule(HttpMethod.GET, "/api/v1/stream", EVERYONE),
            // the read models' dead letters: listing shows events' types and causes, retrying changes read models
            rule(HttpMethod.GET, "/api/v1/admin/dead-letters", List.of(ADMIN)),
            rule(HttpMethod.GET, "/api/v1/admin/dead-letters/count", List.of(ADMIN)),
            rule(HttpMethod.POST, "/api/v1/admin/dead-letters/*/retry", List.of(ADMIN)),
            rule(HttpMethod.POST, "/api/v1/admin/dead-letters/*/*/retry", List.of(ADMIN)),
            rule(HttpMethod.DELETE, "/api/v1/admin/dead-letters/*/*", List.of(ADMIN)),
            rule(null, "/api/v1/admin/**", List.of(ADMIN)),
            rule(null, "/api/v1/users", List.of(ADMIN)),
            rule(null, "/api/v1/users/**", List.of(ADMIN)),
            rule(HttpMethod.GET, "/v3/api-docs", EVERYONE),
            rule(HttpMethod.GET, "/v3/api-docs/**", EVERYONE),
            rule(HttpMethod.GET, "/swagger-ui.html", EVERYONE),
            rule(HttpMethod.GET, "/swagger-ui/**", EVERYONE),
            // contacts and conversations name people: not for a VIEWER (the HTTP API)
            rule(HttpMethod.GET, CAMPAIGN + "/contacts", List.of(ADMIN, MANAGER, SERVICE, AUDITOR)),
            rule(HttpMethod.GET, CAMPAIGN + "/conversations", List.of(ADMIN, MANAGER, SERVICE, AUDITOR)),
            rule(HttpMethod.GET, CAMPAIGN + "/analytics", EVERYONE),
            rule(HttpMethod.GET, CAMPAIGN + "/analytics/activity", EVERYONE),
            rule(HttpMethod.GET, "/api/v1/campaigns/calendar", EVERYONE),
            // history, past state, exports and the audit trail are for auditors (the HTTP API), in every office
            rule(HttpMethod.GET, CAMPAIGN + "/history", AUDITORS),
            rule(HttpMethod.GET, CAMPAIGN + "/state", AUDITORS),
            rule(HttpMethod.GET, CAMPAIGN + "/export", AUDITORS),
            rule(HttpMethod.GET, "/api/v1/audit/**", AUDITORS),
            // erasure destroys data for good: ADMIN alone
            rule(HttpMethod.POST, "/api/v1/contacts/*/forget", List.of(ADMIN)),
            // the metrics: for Prometheus (a METRICS account) and operators; no campaign id is in them
            rule(HttpMethod.GET, METRICS_PATHS.get(0), SCRAPERS),
            rule(HttpMethod.GET, METRICS_PATHS.get(1), SCRAPERS),
            rule(HttpMethod.GET, METRICS_PATHS.get(2), SCRAPERS));

    private AccessRules() {
    }

    /**
     * {@code publicMetrics} ({@code campaign.metrics.public-scrape}) lets anyone read the metrics, for a
     * Prometheus on a network that only it and the nodes share; by default they need ADMIN or METRICS.
     * Paths are matched as path patterns on the request's path alone ({@link PathPatternRequestMatcher}),
     * not through Spring MVC's handler mappings: the rules name every path themselves, and matching through
     * the handler mappings searched all of them for every request (see {@link WithoutHandlerLookupCache}).
     */
    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry,
                      boolean publicMetrics) {
        registry.requestMatchers(paths(null, "/actuator/health", "/actuator/health/**", "/error")).permitAll();
        if (publicMetrics) {
            registry.requestMatchers(paths(HttpMethod.GET, METRICS_PATHS.toArray(String[]::new))).permitAll();
        }
        for (Rule rule : RULES) {
            RequestMatcher matcher = PATHS.matcher(rule.method(), rule.path());
            if (rule.open()) {
                registry.requestMatchers(matcher).permitAll();
            } else {
                registry.requestMatchers(matcher).hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
            }
        }
        registry.anyRequest().hasRole(ADMIN.name());
    }

    private static RequestMatcher[] paths(HttpMethod method, String... patterns) {
        return Arrays.stream(patterns).map(pattern -> PATHS.matcher(method, pattern)).toArray(RequestMatcher[]::new);
    }

    private static Rule rule(HttpMethod method, String path, List<Role> roles) {
        return new Rule(method, path, List.copyOf(roles), false);
    }

    /** Anyone may call it; any account may then act on what it answers (its roles are all of them). */
    private static Rule open(HttpMethod method, String path) {
        return new Rule(method, path, ANY_ACCOUNT, true);
    }
}
