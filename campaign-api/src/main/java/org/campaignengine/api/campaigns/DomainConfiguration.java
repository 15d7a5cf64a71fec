package org.campaignengine.api.campaigns;

import java.time.Clock;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignengine.api.EngineProperties;
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

/**
 * The domain's collaborators as beans: aggregates receive TimeRules and NumberPoolRules as handler parameters;
 * the launch and the number release run as processes. Activity has its own ({@code ActivityConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
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
