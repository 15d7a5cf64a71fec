package org.campaignengine.api.availability;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the engine does while its database is out of reach: every request answers 503 within the pool's
 * connection timeout, the {@code db} health says DOWN (and readiness OUT_OF_SERVICE) within
 * {@code campaign.health.database-timeout}, and both come back by themselves with the database.
 */
@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

    /** After the request id and the size limit, before the identity provider's filter and Spring Security's chain. */
    @Bean
    FilterRegistrationBean<StoreUnavailableFilter> storeUnavailableFilter(ObjectMapper json) {
        FilterRegistrationBean<StoreUnavailableFilter> registration =
                new FilterRegistrationBean<>(new StoreUnavailableFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Named as Spring Boot's, which then steps aside: the {@code db} indicator of {@code /actuator/health} and readiness. */
    @Bean(destroyMethod = "close")
    DatabaseHealthIndicator dbHealthIndicator(DataSource dataSource,
                                              @Value("${campaign.health.database-timeout:PT2S}") Duration timeout) {
        return new DatabaseHealthIndicator(dataSource, timeout);
    }

    /**
     * Readiness ({@code databaseReadiness} in its group): OUT_OF_SERVICE while the database check is DOWN, so
     * an orchestrator stops sending this node traffic; liveness does not include it, so the node is not
     * restarted for an outage a restart cannot cure.
     */
    @Bean
    HealthIndicator databaseReadinessHealthIndicator(DatabaseHealthIndicator database) {
        return () -> {
            Health health = database.health();
            return Status.DOWN.equals(health.getStatus())
                    ? Health.outOfService().withDetails(health.getDetails()).build() : health;
        };
    }

    @Bean
    FlywayConfigurationCustomizer migrationsWaitForTheServer() {
        return configuration -> configuration.dataSource(UnboundedReads.of(configuration.getDataSource()));
    }
}
