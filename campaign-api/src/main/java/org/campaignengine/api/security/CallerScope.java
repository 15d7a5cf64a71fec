package org.campaignengine.api.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.campaignengine.api.accounts.Role;
import org.campaignengine.api.web.OfficeScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller's offices, from the authorities of whichever way they signed in (account or token).
 * A caller holding an office-limited role (MANAGER, VIEWER) is limited to its offices even if it
 * also holds another role: the narrower reading wins.
 */
@Component
class CallerScope implements OfficeScope {

    static final String OFFICE_PREFIX = "OFFICE_";

    @Override
    public Set<String> visibleOffices() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            return Set.of();
        }
        boolean scoped = false;
        Set<String> offices = new LinkedHashSet<>();
        for (GrantedAuthority granted : caller.getAuthorities()) {
            String authority = granted.getAuthority();
            if (authority.startsWith(OFFICE_PREFIX)) {
                offices.add(authority.substring(OFFICE_PREFIX.length()));
            } else if (authority.equals(Role.MANAGER.authority()) || authority.equals(Role.VIEWER.authority())) {
                scoped = true;
            }
        }
        return scoped ? Set.copyOf(offices) : null;
    }

    static String officeAuthority(String office) {
        return OFFICE_PREFIX + office;
    }
}
