package org.campaignengine.api.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.campaignengine.api.config.EngineProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Keys are kept for {@code campaign.idempotency.retention} (default a day, as payment APIs do) and
 * purged hourly by one node of the cluster (a db-scheduler recurring task).
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc, Clock clock,
                                      EngineProperties properties) {
        return new IdempotencyStore(jdbc, clock, properties.idempotency().retention());
    }

    /** Runs after Spring Security's filter chain (order -100), so the caller is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, json));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    RecurringTask<Void> purgeIdempotencyKeys(IdempotencyStore store) {
        return Tasks.recurring("purge-idempotency-keys", FixedDelay.ofHours(1))
                .execute((instance, context) -> log.debug("purged {} expired idempotency keys", store.purgeExpired()));
    }
}
