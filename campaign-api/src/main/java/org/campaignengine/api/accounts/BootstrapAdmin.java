package org.campaignengine.api.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first account. With {@code CAMPAIGN_ADMIN_PASSWORD} set, user {@code admin} has that password
 * at every start (so an operator can always get back in). Without it, a password is generated at the
 * first start only, when no admin exists, and printed once.
 */
class BootstrapAdmin implements InitializingBean {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String configuredPassword;

    BootstrapAdmin(AccountStore accounts, PasswordEncoder encoder, Clock clock, String configuredPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterPropertiesSet() {
        boolean configured = configuredPassword != null && !configuredPassword.isBlank();
        String password = configured ? configuredPassword : generated();
        Account admin = new Account(USERNAME, EnumSet.of(Role.ADMIN), Set.of(), true, clock.instant(), "bootstrap", null);
        if (accounts.create(admin, encoder.encode(password))) {
            if (!configured) {
                log.warn("Created the bootstrap account 'admin' with the generated password {} (shown this once; "
                        + "set CAMPAIGN_ADMIN_PASSWORD to choose it)", password);
            }
        } else if (configured) {
            accounts.resetAdmin(USERNAME, encoder.encode(password));
        }
    }

    private static String generated() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
