package org.campaignengine.projections.statusindex;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.campaignengine.domain.campaign.CampaignEvent;

/**
 * Drives the status index through Axon's own annotation machinery, as its event processor and query
 * bus would: events are {@link DomainEventMessage}s of aggregate type {@code Campaign}, so the handlers'
 * {@code @SequenceNumber} and {@code @Timestamp} parameters are resolved by Axon from the envelope.
 */
final class StatusIndexHarness {

    static final String AGGREGATE_TYPE = "Campaign";

    private final AnnotationEventHandlerAdapter events;
    private final AnnotationQueryHandlerAdapter<CampaignIndexProjection> queries;

    StatusIndexHarness(CampaignIndexProjection projection) {
        this.events = new AnnotationEventHandlerAdapter(projection);
        this.queries = new AnnotationQueryHandlerAdapter<>(projection);
    }

    /** One campaign's event stream, numbered from 0, with its own clock starting at {@code start}. */
    Timeline campaign(String campaignId, Instant start) {
        return new Timeline(campaignId, start);
    }

    /** Hands a message to the projection again, as an event processor does after a failed commit or a restart. */
    void redeliver(EventMessage<?> message) {
        handle(message);
    }

    /** Asks the {@code @QueryHandler} as the query bus would for {@code optionalInstanceOf(CampaignRow)}. */
    Object query(FindCampaign query) {
        try {
            return queries.handle(new GenericQueryMessage<>(query, ResponseTypes.optionalInstanceOf(CampaignRow.class)));
        } catch (Exception e) {
            throw new IllegalStateException("query " + query + " failed", e);
        }
    }

    /** Asks a page or count query as the query bus would, for an instance of {@code type}. */
    <R> R ask(Object query, Class<R> type) {
        try {
            return type.cast(queries.handle(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(type))));
        } catch (Exception e) {
            throw new IllegalStateException("query " + query + " failed", e);
        }
    }

    /** What a replay does first: the processor calls the {@code @ResetHandler}. */
    void reset() {
        events.prepareReset();
    }

    private void handle(EventMessage<?> message) {
        if (!events.canHandle(message)) {
            throw new IllegalStateException("the status index has no handler for " + message.getPayloadType());
        }
        try {
            events.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("handling " + message.getPayloadType().getSimpleName() + " #"
                    + ((DomainEventMessage<?>) message).getSequenceNumber() + " failed", e);
        }
    }

    final class Timeline {
        private final String campaignId;
        private long nextSequence;
        private Instant now;

        private Timeline(String campaignId, Instant start) {
            this.campaignId = campaignId;
            this.now = start;
        }

        Timeline after(Duration elapsed) {
            now = now.plus(elapsed);
            return this;
        }

        Instant now() {
            return now;
        }

        /** Publishes the event as the campaign's next one, at the timeline's current time. */
        DomainEventMessage<CampaignEvent> publish(CampaignEvent event) {
            if (!campaignId.equals(event.campaignId())) {
                throw new IllegalArgumentException(event + " does not belong to campaign " + campaignId);
            }
            DomainEventMessage<CampaignEvent> message = new GenericDomainEventMessage<>(AGGREGATE_TYPE, campaignId,
                    nextSequence++, event, Map.of("actor", "tester", "requestId", UUID.randomUUID().toString()),
                    UUID.randomUUID().toString(), now);
            handle(message);
            return message;
        }
    }
}
