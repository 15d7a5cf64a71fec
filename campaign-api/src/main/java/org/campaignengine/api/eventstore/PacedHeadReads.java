package org.campaignengine.api.eventstore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The embedded event store's reads of the head at most once per interval. Its head reader reads the store
 * after every commit it hears of; under steady load that is a query, and a transaction for each processor's
 * segment, for every event or two. Read at most once per interval, the events of that interval arrive
 * together, and each processor takes them in one batch. The reads that may block are the head reader's;
 * a processor's own read of the store (behind the cache, or replaying) is not paced.
 */
final class PacedHeadReads extends ForwardingStorageEngine {

    private final long intervalNanos;
    private long lastRead;

    PacedHeadReads(EventStorageEngine stored, Duration interval) {
        super(stored);
        if (interval.isNegative()) {
            throw new IllegalArgumentException("campaign.event-store.head-read-interval-ms cannot be negative, not "
                    + interval.toMillis());
        }
        this.intervalNanos = interval.toNanos();
        this.lastRead = System.nanoTime() - intervalNanos;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock) {
            waitForInterval();
        }
        return super.readEvents(trackingToken, mayBlock);
    }

    /** One thread, the store's head reader, makes these reads. */
    private synchronized void waitForInterval() {
        long wait = lastRead + intervalNanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRead = System.nanoTime();
    }
}
