package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LingeringSourceTest {

    private static final Duration LINGER = Duration.ofMillis(200);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Tail tail = new Tail();
    private final BlockingStream<TrackedEventMessage<?>> stream =
            new LingeringSource(tail, LINGER, timer).openStream(null);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void anEventArrivingAtAnEmptyStreamIsShownOnlyAfterTheLingerAndTheReaderIsWokenThen() throws Exception {
        CountDownLatch woken = new CountDownLatch(1);
        AtomicLong wokenAt = new AtomicLong();
        assertThat(stream.setOnAvailableCallback(() -> {
            wokenAt.set(System.nanoTime());
            woken.countDown();
        })).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();

        long arrived = System.nanoTime();
        tail.append(3);

        assertThat(stream.hasNextAvailable()).as("just arrived").isFalse();
        assertThat(woken.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(wokenAt.get() - arrived).isGreaterThanOrEqualTo(LINGER.toNanos());
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(0));
    }

    @Test
    void eventsThatGatheredMeanwhileAreAllShownTogether() throws Exception {
        stream.setOnAvailableCallback(() -> { });
        tail.append(1);
        assertThat(stream.hasNextAvailable()).isFalse();
        tail.append(4);
        TimeUnit.NANOSECONDS.sleep(LINGER.toNanos());

        int taken = 0;
        while (stream.hasNextAvailable()) {
            stream.nextAvailable();
            taken++;
        }
        assertThat(taken).isEqualTo(5);
    }

    @Test
    void aStreamBehindTheHeadIsReadWithoutWaitingUntilItRunsDry() throws Exception {
        tail.append(3);
        assertThat(stream.hasNextAvailable(2, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        stream.nextAvailable();
        tail.append(1);
        assertThat(stream.hasNextAvailable()).as("still going: no new wait").isTrue();
        stream.nextAvailable();
        stream.nextAvailable();
        stream.nextAvailable();
        assertThat(System.nanoTime() - start).isLessThan(LINGER.toNanos());

        assertThat(stream.hasNextAvailable()).as("dry").isFalse();
        tail.append(1);
        assertThat(stream.hasNextAvailable()).as("a new wait after running dry").isFalse();
    }

    @Test
    void aBlockingLookWaitsOutTheLingerWithinItsTimeout() throws Exception {
        tail.append(1);
        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).as("shorter than the linger").isFalse();
        assertThat(stream.hasNextAvailable(2, TimeUnit.SECONDS)).isTrue();
    }

    /** An event store's tail: events appended by the test, the reader's callback told of each append. */
    private static final class Tail implements StreamableMessageSource<TrackedEventMessage<?>>,
            BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> events = new ArrayDeque<>();
        private long next;
        private volatile Runnable callback = () -> { };

        synchronized void append(int count) {
            for (int i = 0; i < count; i++) {
                events.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(next++),
                        GenericEventMessage.asEventMessage("event " + next)));
            }
            callback.run();
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return this;
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (events.isEmpty() && System.nanoTime() < deadline) {
                wait(1);
            }
            return !events.isEmpty();
        }

        @Override
        public synchronized boolean hasNextAvailable() {
            return !events.isEmpty();
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() {
            return events.remove();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public void close() {
        }
    }
}
