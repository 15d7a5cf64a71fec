package org.campaignengine.api.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of the HTTP API. MANAGER and VIEWER are limited to their offices; the others see every office.
 * METRICS is a scraper's: it may read {@code /actuator/prometheus} and {@code /actuator/metrics} and nothing
 * else, no campaign included.
 */
public enum Role {
    ADMIN(false),
    MANAGER(true),
    SERVICE(false),
    AUDITOR(false),
    VIEWER(true),
    METRICS(false);

    private final boolean officeScoped;

    Role(boolean officeScoped) {
        this.officeScoped = officeScoped;
    }

    public boolean officeScoped() {
        return officeScoped;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }
}
