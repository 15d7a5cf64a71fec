package org.campaignengine.api.eventstore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDecorator;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;

/**
 * The storage engine as the embedded event store's processors read it: every event as stored, except that an
 * activity batch's records are held apart from the event, in a store of the newest {@code heldBatches}
 * batches. The embedded store keeps the newest events in memory for the processors that follow the head,
 * by count whatever their size; with the records held apart, an event there costs a few hundred bytes and
 * that count can cover seconds of commands, while the records in memory stay bounded by this store (up to
 * 1,000 records a batch, {@code CampaignMessages.RECORDS_PER_EVENT}). A processor that asks for the records
 * of a batch no longer held, one further behind than that, reads them from the event table by the event's
 * identifier, as it would have read the whole event had it fallen out of the cache.
 *
 * <p>Only the reads of the head are changed; appends, a campaign's own stream and tokens are the stored
 * engine's.
 */
final class ActivityHeldApart extends ForwardingStorageEngine {

    private final Held held;

    /**
     * @param stored       the storage engine the events are in
     * @param table        the event table, read for a batch no longer held
     * @param serializer   the serializer events are stored with
     * @param heldBatches  how many of the newest activity batches keep their records in memory
     */
    ActivityHeldApart(EventStorageEngine stored, AxonTables table, Serializer serializer, int heldBatches) {
        super(stored);
        this.held = new Held(table, serializer, heldBatches);
    }

    /**
     * The events after the token. The reads that may block are the embedded store's reads of the head, whose
     * events it caches: those hold activity batches apart. A processor's own read of the store (one behind the
     * cache, or replaying) gets the events as stored, and its batches do not displace the newest held ones.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.map(this::apart) : events;
    }

    /** How many activity batches keep their records in memory now. */
    int heldBatches() {
        return held.size();
    }

    private TrackedEventMessage<?> apart(TrackedEventMessage<?> event) {
        if (!ActivityRecorded.class.equals(event.getPayloadType())) {
            return event;
        }
        held.put(event);
        Message<ActivityRecorded> records = new RecordsHeldApart(
                new GenericMessage<>(event.getIdentifier(), ActivityRecorded.class, null, event.getMetaData()), held);
        Instant at = event.getTimestamp();
        if (event instanceof DomainEventMessage<?> own) {
            return new GenericTrackedDomainEventMessage<>(event.trackingToken(), own.getType(),
                    own.getAggregateIdentifier(), own.getSequenceNumber(), records, () -> at);
        }
        return new GenericTrackedEventMessage<>(event.trackingToken(), records, () -> at);
    }

    /** The newest activity batches as read, oldest first; a batch no longer held is read from the table. */
    private static final class Held {

        private final AxonTables table;
        private final Serializer serializer;
        private final Map<String, EventMessage<?>> newest;

        Held(AxonTables table, Serializer serializer, int batches) {
            if (batches < 1) {
                throw new IllegalArgumentException("at least one activity batch must be held, not " + batches);
            }
            this.table = table;
            this.serializer = serializer;
            this.newest = new LinkedHashMap<>(batches * 4 / 3 + 1) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, EventMessage<?>> eldest) {
                    return size() > batches;
                }
            };
        }

        synchronized void put(EventMessage<?> event) {
            newest.putIfAbsent(event.getIdentifier(), event);
        }

        synchronized int size() {
            return newest.size();
        }

        ActivityRecorded records(String eventId) {
            EventMessage<?> event;
            synchronized (this) {
                event = newest.get(eventId);
            }
            if (event != null) {
                return (ActivityRecorded) event.getPayload();
            }
            EventLinks.Row row = table.event(eventId).orElseThrow(() -> new IllegalStateException(
                    "activity batch " + eventId + " was read from the store and is no longer there"));
            return serializer.deserialize(row.serializedPayload());
        }
    }

    /** An activity batch's message whose records are fetched from {@link Held} whenever they are asked for. */
    private static final class RecordsHeldApart extends MessageDecorator<ActivityRecorded> {

        private static final long serialVersionUID = 1L;

        private final transient Held held;

        RecordsHeldApart(Message<ActivityRecorded> withoutRecords, Held held) {
            super(withoutRecords);
            this.held = held;
        }

        @Override
        public ActivityRecorded getPayload() {
            return held.records(getIdentifier());
        }

        @Override
        public <S> SerializedObject<S> serializePayload(Serializer serializer, Class<S> expectedRepresentation) {
            return serializer.serialize(getPayload(), expectedRepresentation);
        }

        @Override
        public Message<ActivityRecorded> withMetaData(Map<String, ?> metaData) {
            return new RecordsHeldApart(getDelegate().withMetaData(metaData), held);
        }

        @Override
        public Message<ActivityRecorded> andMetaData(Map<String, ?> metaData) {
            return new RecordsHeldApart(getDelegate().andMetaData(metaData), held);
        }
    }
}
