package org.campaignengine.api.audit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaignengine.projections.audit.AuditTrail;

/**
 * A batch read through Axon's {@code EventStore} API, for a store whose table the engine cannot query
 * (Axon Server): a stream opened just before the batch's global position, closed after its first event,
 * which must be the batch the trail names. Axon Server numbers events from 0 with no gaps, and a
 * {@link GlobalSequenceTrackingToken} at {@code n} streams from {@code n + 1}.
 */
public class StreamedBatches implements StoredBatches {

    private final EventStore events;

    public StreamedBatches(EventStore events) {
        this.events = events;
    }

    @Override
    public Batch of(String campaignId, AuditTrail.Stored batch) {
        long position = batch.globalIndex();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(
                position == 0 ? null : new GlobalSequenceTrackingToken(position - 1))) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            if (!event.getIdentifier().equals(batch.eventId())) {
                throw StoredBatches.notTheBatch(campaignId, batch, "event " + event.getIdentifier() + " at that position");
            }
            return new Batch(StoredBatches.belongingTo(campaignId, batch, event.getPayload()), event.getTimestamp(),
                    event.getMetaData());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the activity batch at " + position, e);
        }
    }
}
