package org.campaignengine.api.config;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.modelling.command.Repository;
import org.campaignengine.api.activity.ActivityIntakeHandler;
import org.campaignengine.api.activity.JdbcActivityStore;
import org.campaignengine.api.activity.JdbcLastActivity;
import org.campaignengine.domain.campaign.ActivityStore;
import org.campaignengine.domain.campaign.Campaign;
import org.campaignengine.domain.campaign.LastActivity;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.domain.launch.ContentPolicy;
import org.campaignengine.domain.launch.LaunchProcess;
import org.campaignengine.domain.numbers.NumberPoolRules;
import org.campaignengine.domain.numbers.NumberReleaser;
import org.campaignengine.domain.numbers.PhoneCarrier;
import org.campaignengine.domain.numbers.SimulatedCarrier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The domain's collaborators as beans; aggregates receive TimeRules, NumberPoolRules and LastActivity as handler parameters; the activity intake handles RecordActivity beside the aggregate. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

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

    @Bean
    TimeRules timeRules(EngineProperties properties) {
        return properties.timeRules();
    }

    @Bean
    NumberPoolRules numberPoolRules(EngineProperties properties) {
        return new NumberPoolRules(properties.phoneNumbers().maxPerUseCase());
    }

    @Bean
    ContentPolicy contentPolicy(EngineProperties properties) {
        return new ContentPolicy(properties.content().deniedTerms());
    }

    @Bean
    @ConditionalOnMissingBean(PhoneCarrier.class)
    SimulatedCarrier simulatedCarrier(EngineProperties properties) {
        return new SimulatedCarrier(properties.carrier().simulated().unavailableAreaCodes());
    }

    @Bean
    LaunchProcess launchProcess(CommandGateway commands, PhoneCarrier carrier, ContentPolicy content) {
        return new LaunchProcess(commands, carrier, content);
    }

    @Bean
    NumberReleaser numberReleaser(CommandGateway commands, PhoneCarrier carrier) {
        return new NumberReleaser(commands, carrier);
    }
}
