package org.campaignengine.api.accounts;

import java.time.Instant;
import java.util.Set;

/** An account as the engine shows it: never with its password or hash. */
public record Account(String username, Set<Role> roles, Set<String> offices, boolean enabled, Instant createdAt,
                      String createdBy, Instant disabledAt) {
}
