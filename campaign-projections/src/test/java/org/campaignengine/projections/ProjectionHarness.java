package org.campaignengine.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;

/**
 * Drives a read model through Axon's own annotation machinery, as its event processor and query bus
 * would. A campaign's lifecycle events are domain events of aggregate type {@code Campaign}, numbered
 * from 0; its activity is published as the engine publishes it, outside the campaign's stream (a plain
 * event with a timestamp and no sequence number).
 */
public final class ProjectionHarness<P> {

    public static final String AGGREGATE_TYPE = "Campaign";

    private final AnnotationEventHandlerAdapter events;
    private final AnnotationQueryHandlerAdapter<P> queries;

    public ProjectionHarness(P projection) {
        this.events = new AnnotationEventHandlerAdapter(projection);
        this.queries = new AnnotationQueryHandlerAdapter<>(projection);
    }

    /** One campaign's events, with its own clock starting at {@code start}. */
    public Timeline campaign(String campaignId, Instant start) {
        return new Timeline(campaignId, start);
    }

    /** Hands a message to the read model again, as an event processor does after a failed commit. */
    public void redeliver(EventMessage<?> message) {
        handle(message);
    }

    /** What a replay does first: the processor calls the {@code @ResetHandler}. */
    public void reset() {
        events.prepareReset();
    }

    /** Asks a {@code @QueryHandler} as the query bus would. */
    public <R> R ask(Object query, ResponseType<R> type) {
        try {
            @SuppressWarnings("unchecked")
            R answer = (R) queries.handle(new GenericQueryMessage<>(query, type));
            return answer;
        } catch (Exception e) {
            throw new IllegalStateException("query " + query + " failed", e);
        }
    }

    /**
     * Hands several events to the read model in one unit of work, committed once at the end, as an event
     * processor hands it a batch.
     */
    public void batch(List<EventMessage<?>> messages) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            EventMessage<?> message = batch.getMessage();
            return events.canHandle(message) ? events.handle(message) : null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("handling a batch of " + messages.size() + " events failed",
                    result.exceptionResult());
        }
    }

    /** One event in its own unit of work, committed after it, as a processor with batches of one would. */
    private void handle(EventMessage<?> message) {
        if (!events.canHandle(message)) {
            return;
        }
        UnitOfWork<EventMessage<?>> unit = DefaultUnitOfWork.startAndGet(message);
        ResultMessage<?> result = unit.executeWithResult(() -> events.handle(message));
        if (result.isExceptional()) {
            throw new IllegalStateException("handling " + message.getPayloadType().getSimpleName() + " failed",
                    result.exceptionResult());
        }
    }

    public final class Timeline {
        private final String campaignId;
        private long nextSequence;
        private Instant now;

        private Timeline(String campaignId, Instant start) {
            this.campaignId = campaignId;
            this.now = start;
        }

        public Timeline after(Duration elapsed) {
            now = now.plus(elapsed);
            return this;
        }

        public Instant now() {
            return now;
        }

        /** Publishes the event at the timeline's current time, as the engine would. */
        public EventMessage<CampaignEvent> publish(CampaignEvent event) {
            EventMessage<CampaignEvent> message = message(event);
            handle(message);
            return message;
        }

        /** The event as the engine would publish it now, without handing it to the read model. */
        public EventMessage<CampaignEvent> message(CampaignEvent event) {
            if (!campaignId.equals(event.campaignId())) {
                throw new IllegalArgumentException(event + " does not belong to campaign " + campaignId);
            }
            MetaData audit = MetaData.from(Map.of("actor", "tester", "requestId", UUID.randomUUID().toString()));
            EventMessage<CampaignEvent> message = event instanceof ActivityRecorded
                    ? new GenericEventMessage<>(UUID.randomUUID().toString(), event, audit, now)
                    : new GenericDomainEventMessage<>(AGGREGATE_TYPE, campaignId, nextSequence++, event, audit,
                    UUID.randomUUID().toString(), now);
            return message;
        }
    }
}
