package org.campaignengine.api.e2e;

import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A fault a test puts into one read model: while armed for a campaign, that read model's handlers throw
 * for the campaign's events after they have done their work, as a bug at the end of a handler would, so
 * whatever the event wrote must be undone with it.
 */
public final class FailingReadModel implements HandlerEnhancerDefinition {

    private record Target(String readModel, String campaignId) {
    }

    private final AtomicReference<Target> failing = new AtomicReference<>();

    public void failFor(String readModel, String campaignId) {
        failing.set(new Target(readModel, campaignId));
    }

    public void heal() {
        failing.set(null);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                Object result = super.handle(message, target);
                Target armed = failing.get();
                if (armed != null && armed.readModel().equals(group.value()) && message instanceof EventMessage<?> event
                        && CampaignMessages.campaignOf(event).filter(armed.campaignId()::equals).isPresent()) {
                    throw new IllegalStateException("injected failure of " + armed.readModel() + " for campaign "
                            + armed.campaignId());
                }
                return result;
            }
        };
    }

    /** Registers the fault, disarmed, in the engine under test. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static FailingReadModel failingReadModel() {
            return new FailingReadModel();
        }
    }
}
