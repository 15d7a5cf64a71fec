package org.campaignengine.api.accounts;

/** Published once an account is disabled, so what it still holds (a browser session) can be ended at once. */
public record AccountDisabled(String username) {
}
