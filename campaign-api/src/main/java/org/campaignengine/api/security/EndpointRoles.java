package org.campaignengine.api.security;

import java.util.List;
import java.util.Optional;

import org.campaignengine.api.accounts.Role;
import org.springframework.util.AntPathMatcher;

/**
 * The roles {@link AccessRules} lets call an endpoint, for those who describe the API: the first rule that
 * matches the method and path decides, as it does for requests; an endpoint no rule names is ADMIN-only.
 */
public final class EndpointRoles {

    /** The browser session's path: signing in, reading and ending it take no {@code Idempotency-Key}. */
    public static final String SESSION = AccessRules.SESSION;

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private EndpointRoles() {
    }

    /** Whether anyone may call it without credentials ({@code POST /api/v1/session}, where they are given). */
    public static boolean open(String method, String path) {
        return first(method, path).map(AccessRules.Rule::open).orElse(false);
    }

    /** {@code path} as the API documents it, its variables in braces: {@code /api/v1/campaigns/{id}/pause}. */
    public static List<String> of(String method, String path) {
        return first(method, path).map(rule -> rule.roles().stream().map(Role::name).toList())
                .orElse(List.of(Role.ADMIN.name()));
    }

    private static Optional<AccessRules.Rule> first(String method, String path) {
        String concrete = path.replaceAll("\\{[^/}]+}", "x");
        return AccessRules.RULES.stream()
                .filter(rule -> rule.method() == null || rule.method().name().equalsIgnoreCase(method))
                .filter(rule -> PATHS.match(rule.path(), concrete))
                .findFirst();
    }
}
