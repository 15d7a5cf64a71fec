package org.campaignengine.api.activity;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.modelling.command.Repository;
import org.campaignengine.api.EngineProperties;
import org.campaignengine.domain.campaign.ActivityStore;
import org.campaignengine.domain.campaign.Campaign;
import org.campaignengine.domain.campaign.LastActivity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Activity's adapters as beans: the store that keeps records and their ids, the last-activity time the
 * inactivity timer reads (aggregates receive it as a handler parameter), and the intake that handles
 * {@code RecordActivity} beside the aggregate: the campaign decides, the intake keeps and publishes.
 */
@Configuration(proxyBeanMethods = false)
class ActivityConfiguration {

    @Bean
    ActivityStore activityStore(JdbcTemplate jdbc, EngineProperties properties) {
        return new JdbcActivityStore(jdbc, properties.activity().recentIds());
    }

    /** What the inactivity timer reads; the activity store moves it as it keeps activity. */
    @Bean
    LastActivity lastActivity(JdbcTemplate jdbc) {
        return new JdbcLastActivity(jdbc);
    }

    /** Handles {@code RecordActivity}: the campaign decides, the intake keeps and publishes. */
    @Bean
    ActivityIntakeHandler activityIntake(Repository<Campaign> campaignRepository, ActivityStore store, EventBus events) {
        return new ActivityIntakeHandler(campaignRepository, store, events);
    }
}
