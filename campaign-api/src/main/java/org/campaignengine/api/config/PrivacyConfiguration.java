package org.campaignengine.api.config;

import java.time.Clock;

import org.campaignengine.api.privacy.ContactKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The contacts' keys: they seal names and phones at intake and open them for pages and exports. */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    @Bean
    ContactKeys contactKeys(JdbcTemplate jdbc, Clock clock) {
        return new ContactKeys(jdbc, clock);
    }
}
