package org.campaignengine.api.engine;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every command handler and every event processor runs inside a {@link LoggingContext}: lines logged while one
 * runs carry the request id, and the command's or event's id. Axon's auto-configuration registers the command
 * interceptor on the command bus; the module registers one per event processor, named after it.
 */
@Configuration(proxyBeanMethods = false)
class LoggingContextConfiguration {

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandLoggingContext() {
        return LoggingContext.forCommands();
    }

    @Bean
    ConfigurerModule eventLoggingContext() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (configuration, name) -> LoggingContext.<EventMessage<?>>forEvents(name)));
    }
}
