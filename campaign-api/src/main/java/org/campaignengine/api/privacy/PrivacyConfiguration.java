package org.campaignengine.api.privacy;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contacts' keys: they seal names and phones at intake and open them for pages and exports, wrapped by
 * key-encryption keys from the configuration or a file ({@link KeyEncryptionKeySource}).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    KeyEncryptionKeys keyEncryptionKeys(Environment environment) {
        Binder binder = Binder.get(environment);
        return KeyEncryptionKeySource.resolve(
                binder.bind("campaign.privacy.key-encryption-keys", Bindable.listOf(String.class)).orElse(List.of()),
                binder.bind("campaign.privacy.key-file", String.class).orElse(null),
                binder.bind("spring.datasource.url", String.class).orElse(null));
    }

    /** Wraps the keys stored in clear before, as Flyway's migration 23.1. */
    @Bean
    WrapContactKeys wrapContactKeys(KeyEncryptionKeys keks) {
        return new WrapContactKeys(keks);
    }

    /** Checks the stored keys' key-encryption keys and re-wraps older ones before the engine serves. */
    @Bean(initMethod = "run")
    ContactKeyRotation contactKeyRotation(JdbcTemplate jdbc, KeyEncryptionKeys keks) {
        return new ContactKeyRotation(jdbc, keks);
    }

    @Bean
    ContactKeys contactKeys(JdbcTemplate jdbc, Clock clock, KeyEncryptionKeys keks) {
        return new ContactKeys(jdbc, clock, keks);
    }
}
