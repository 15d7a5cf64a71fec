package org.campaignengine.api.engine;

import java.time.Clock;
import java.util.Map;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.campaignengine.domain.campaign.HandledAt;
import org.springframework.stereotype.Component;

/**
 * Gives the domain the time as an input: every command and timer is stamped, as it is handled, with
 * the engine's clock under {@link HandledAt#KEY}. The stamp is not copied onto events (only the audit
 * keys are); an event's own timestamp says when it happened.
 */
@Component
class HandlingTime {

    HandlingTime(CommandBus commandBus, DeadlineManager deadlineManager, Clock clock) {
        commandBus.registerHandlerInterceptor(stamp(clock));
        deadlineManager.registerHandlerInterceptor(stamp(clock));
    }

    static <T extends Message<?>> MessageHandlerInterceptor<T> stamp(Clock clock) {
        return (unitOfWork, chain) -> {
            unitOfWork.transformMessage(message -> message.andMetaData(Map.of(HandledAt.KEY, clock.instant())));
            return chain.proceed();
        };
    }
}
