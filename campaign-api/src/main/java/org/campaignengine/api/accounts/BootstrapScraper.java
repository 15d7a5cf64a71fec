package org.campaignengine.api.accounts;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The Prometheus scraper's account, for deployments that configure it: with {@code CAMPAIGN_METRICS_PASSWORD}
 * set, user {@code metrics} ({@code CAMPAIGN_METRICS_USERNAME}) holds role METRICS alone and that password at
 * every start, as the bootstrap admin does. Without it nothing is made; an admin may still create METRICS
 * accounts through {@code POST /api/v1/users}.
 */
class BootstrapScraper implements InitializingBean {

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String username;
    private final String password;

    BootstrapScraper(AccountStore accounts, PasswordEncoder encoder, Clock clock, String username, String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.username = username;
        this.password = password;
    }

    @Override
    public void afterPropertiesSet() {
        if (password == null || password.isBlank()) {
            return;
        }
        if (BootstrapAdmin.USERNAME.equals(username)) {
            throw new IllegalStateException("CAMPAIGN_METRICS_USERNAME must not be the bootstrap admin's name");
        }
        Account scraper = new Account(username, EnumSet.of(Role.METRICS), Set.of(), true, clock.instant(), "bootstrap",
                null);
        String hash = encoder.encode(password);
        if (!accounts.create(scraper, hash)) {
            accounts.resetBootstrap(username, hash, Role.METRICS);
        }
    }
}
