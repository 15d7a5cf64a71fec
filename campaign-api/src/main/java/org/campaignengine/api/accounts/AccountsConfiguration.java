package org.campaignengine.api.accounts;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.github.benmanes.caffeine.cache.Ticker;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    /**
     * Accounts read to authenticate are remembered for a minute at most, and only while every change to one is
     * heard ({@link AccountChanges}): a machine client's requests then skip reading their account.
     */
    @Bean
    RememberedAccounts rememberedAccounts() {
        return new RememberedAccounts(Ticker.systemTicker(), Duration.ofMinutes(1), false);
    }

    @Bean
    AccountStore accountStore(JdbcTemplate jdbc, RememberedAccounts remembered) {
        return new AccountStore(jdbc, remembered);
    }

    /**
     * Listens for the database's account change notices on a connection of its own, outside the pool the
     * requests and processors share (the listening connection is held for good).
     */
    @Bean
    AccountChanges accountChanges(DataSourceProperties dataSource, RememberedAccounts remembered) {
        return new AccountChanges(dataSource.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build(),
                remembered);
    }

    /**
     * bcrypt (adaptive, salted), behind Spring Security's delegating encoder so the algorithm can move
     * on, with recent successful checks remembered for five minutes (see {@link VerifiedPasswordMemo}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordMemo(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Ticker.systemTicker(), Duration.ofMinutes(5));
    }

    @Bean
    BootstrapAdmin bootstrapAdmin(AccountStore accounts, PasswordEncoder encoder, Clock clock,
                                  @Value("${CAMPAIGN_ADMIN_PASSWORD:}") String password) {
        return new BootstrapAdmin(accounts, encoder, clock, password);
    }

    @Bean
    BootstrapScraper bootstrapScraper(AccountStore accounts, PasswordEncoder encoder, Clock clock,
                                      @Value("${CAMPAIGN_METRICS_USERNAME:metrics}") String username,
                                      @Value("${CAMPAIGN_METRICS_PASSWORD:}") String password) {
        return new BootstrapScraper(accounts, encoder, clock, username, password);
    }
}
