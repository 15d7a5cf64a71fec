package org.campaignengine.api.readmodels.live;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.campaignengine.api.readmodels.ReadModelProgress;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Every event processor reports, once its transaction committed, which campaign it changed: readers
 * waiting for a version are woken ({@link ReadModelProgress}) and, while a live stream is open, the node's
 * {@link LiveUpdates} gets a {@link CampaignChanged} update through its Axon subscription query
 * ({@link WatchCampaigns}; Axon's emitter holds it back until the unit of work has committed). The
 * campaign is read from the event's envelope ({@link CampaignMessages#campaignOf}): a processor that never
 * reads activity, such as the audit anchors, would otherwise parse every activity payload just for its id.
 */
@Configuration(proxyBeanMethods = false)
class LiveUpdatesConfiguration {

    @Bean
    ConfigurerModule readModelChanges(ReadModelProgress progress) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerDefaultHandlerInterceptor(
                (config, processor) -> changes(processor, progress, config.queryUpdateEmitter())));
    }

    static MessageHandlerInterceptor<EventMessage<?>> changes(String processor, ReadModelProgress progress,
                                                               QueryUpdateEmitter emitter) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            CampaignMessages.campaignOf(unitOfWork.getMessage()).ifPresent(campaignId -> {
                unitOfWork.afterCommit(u -> progress.changed(campaignId));
                if (!emitter.activeSubscriptions().isEmpty()) {
                    emitter.emit(WatchCampaigns.class, watch -> true, new CampaignChanged(processor, campaignId));
                }
            });
            return result;
        };
    }

    /** The initial answer of the live updates' subscription: nothing yet, changes follow as updates. */
    @Component
    static class Subscriptions {
        @QueryHandler
        String handle(WatchCampaigns watch) {
            return "subscribed";
        }
    }
}
