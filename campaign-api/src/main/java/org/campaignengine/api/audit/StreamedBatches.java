package org.campaignengine.api.audit;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;

/**
 * A batch read through Axon's {@code EventStore} API, for a store whose table the engine cannot query
 * (Axon Server): a stream opened just before the batch's global position, closed after its first event.
 * Axon Server numbers events from 0 and a {@link GlobalSequenceTrackingToken} at {@code n} streams from
 * {@code n + 1}, as the audit trail's positions were taken from those tokens.
 */
public class StreamedBatches implements StoredBatches {

    private final EventStore events;

    public StreamedBatches(EventStore events) {
        this.events = events;
    }

    @Override
    public Batch at(long position) {
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(
                position == 0 ? null : new GlobalSequenceTrackingToken(position - 1))) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            long found = event.trackingToken().position().orElse(-1);
            if (found != position || !(event.getPayload() instanceof ActivityRecorded batch)) {
                throw new IllegalStateException("the store holds no activity batch at " + position
                        + " (found " + event.getPayloadType().getSimpleName() + " at " + found + ")");
            }
            return new Batch(batch, event.getTimestamp(), event.getMetaData());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the activity batch at " + position, e);
        }
    }
}
