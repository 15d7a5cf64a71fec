package org.campaignengine.api.readmodels.analytics;

import org.campaignengine.projections.analytics.AnalyticsProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics read model: Axon finds its event and query handlers on the bean and gives it its own
 * processor ({@code analytics}), which starts from the beginning of the event store the first time,
 * so the figures of campaigns that ran before it existed are built too.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    @Bean
    AnalyticsProjection analyticsProjection(JdbcTemplate jdbc) {
        return new AnalyticsProjection(jdbc);
    }
}
