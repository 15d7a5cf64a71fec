package org.campaignengine.api.e2e;

import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.campaignengine.projections.statusindex.CampaignIndexProjection;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A fault a test puts into the status index: while armed for a campaign, every handler of the index throws
 * for that campaign's events, before the index sees them, as a bug in a read model would.
 */
public final class FailingReadModel implements HandlerEnhancerDefinition {

    private final AtomicReference<String> failing = new AtomicReference<>();

    public void failFor(String campaignId) {
        failing.set(campaignId);
    }

    public void heal() {
        failing.set(null);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!CampaignIndexProjection.class.equals(original.declaringClass())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                String campaign = message instanceof EventMessage<?> event
                        ? CampaignMessages.campaignOf(event).orElse(null) : null;
                if (campaign != null && campaign.equals(failing.get())) {
                    throw new IllegalStateException("injected failure of the status index for campaign " + campaign);
                }
                return super.handle(message, target);
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
