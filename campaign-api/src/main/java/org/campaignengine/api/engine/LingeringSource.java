package org.campaignengine.api.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The events a processor reads, shown to it a short while ({@code linger}) after the first of them is there
 * rather than at once, so that under load each processor takes them in batches instead of one at a time.
 *
 * <p>A pooled processor handles what its stream has available when it looks: at a few hundred commands a
 * second and with no wait, that is one or two events, each batch its own transaction with its token's update,
 * for every read model and segment. Read after {@code linger}, it is every event of that while in one
 * transaction per segment (up to the batch size). A processor behind the head (catching up, replaying) never
 * waits: the wait starts only when its stream had nothing and then has something. Read models so trail the head
 * by up to {@code linger} more than they would; {@code campaign.processing.linger} sets it, 0 turns it off.
 */
final class LingeringSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final long lingerNanos;
    private final ScheduledExecutorService timer;

    LingeringSource(StreamableMessageSource<TrackedEventMessage<?>> source, Duration linger,
                    ScheduledExecutorService timer) {
        this.source = source;
        this.lingerNanos = linger.toNanos();
        this.timer = timer;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new LingeringStream(source.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return source.createTokenSince(duration);
    }

    /** One processor's stream: events available once {@code linger} has passed since it last had none. */
    final class LingeringStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        /** When what is waiting may be shown (System.nanoTime()); 0 while the stream had nothing at last look. */
        private volatile long readyAt;
        private volatile Runnable onAvailable = () -> { };
        private final AtomicBoolean wakeScheduled = new AtomicBoolean();

        LingeringStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean hasNextAvailable() {
            if (!stream.hasNextAvailable()) {
                readyAt = 0;
                return false;
            }
            return ready(System.nanoTime());
        }

        /** Whether what is waiting may be shown now; if it is new, from when it may, and the reader woken then. */
        private boolean ready(long now) {
            long at = readyAt;
            if (at == 0) {
                at = now + lingerNanos;
                readyAt = at;
                wakeAt(at, now);
                return false;
            }
            return now - at >= 0;
        }

        private void wakeAt(long at, long now) {
            if (wakeScheduled.compareAndSet(false, true)) {
                timer.schedule(() -> {
                    wakeScheduled.set(false);
                    onAvailable.run();
                }, Math.max(0, at - now), TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                if (hasNextAvailable()) {
                    return true;
                }
                long now = System.nanoTime();
                long left = deadline - now;
                if (left <= 0) {
                    return false;
                }
                long at = readyAt;
                if (at == 0) {
                    if (!stream.hasNextAvailable((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)), TimeUnit.MILLISECONDS)) {
                        return false;
                    }
                } else {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, Math.max(0, at - now)));
                }
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return stream.setOnAvailableCallback(() -> {
                long now = System.nanoTime();
                if (readyAt == 0 || now - readyAt >= 0) {
                    // nothing was waiting: the wait starts now; or it is over: wake the reader at once
                    ready(now);
                    if (now - readyAt >= 0) {
                        callback.run();
                    }
                }
            });
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public Stream<TrackedEventMessage<?>> asStream() {
            return stream.asStream();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
