package org.campaignengine.api.security;

import java.util.List;

import org.campaignengine.api.accounts.Role;
import org.springframework.util.AntPathMatcher;

/**
 * The roles {@link AccessRules} lets call an endpoint, for those who describe the API: the first rule that
 * matches the method and path decides, as it does for requests; an endpoint no rule names is ADMIN-only.
 */
public final class EndpointRoles {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private EndpointRoles() {
    }

    /** {@code path} as the API documents it, its variables in braces: {@code /api/v1/campaigns/{id}/pause}. */
    public static List<String> of(String method, String path) {
        String concrete = path.replaceAll("\\{[^/}]+}", "x");
        return AccessRules.RULES.stream()
                .filter(rule -> rule.method() == null || rule.method().name().equalsIgnoreCase(method))
                .filter(rule -> PATHS.match(rule.path(), concrete))
                .findFirst()
                .map(rule -> rule.roles().stream().map(Role::name).toList())
                .orElse(List.of(Role.ADMIN.name()));
    }
}
