package org.campaignengine.api.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** A storage engine that does what the one it wraps does; a subclass changes what it must. */
abstract class ForwardingStorageEngine implements EventStorageEngine {

    private final EventStorageEngine stored;

    ForwardingStorageEngine(EventStorageEngine stored) {
        this.stored = stored;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return stored.readEvents(trackingToken, mayBlock);
    }

    @Override
    public void appendEvents(EventMessage<?>... events) {
        stored.appendEvents(events);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        stored.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        stored.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return stored.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return stored.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return stored.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return stored.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return stored.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return stored.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return stored.createTokenAt(dateTime);
    }
}
