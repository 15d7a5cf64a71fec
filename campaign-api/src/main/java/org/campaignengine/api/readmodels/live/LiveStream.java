package org.campaignengine.api.readmodels.live;

import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * One open stream: the updates its caller may see wait in a bounded buffer until its own sender has
 * written the ones before. Only the hub's reader offers updates, so the buffer has a single producer; the
 * sender runs on a thread of its own while it has something to write, so a client that stops reading holds
 * up its own sender and no one else's. An update that does not fit ends the stream ({@link #offer}, {@link #end}):
 * its buffer is let go at once; a write already waiting on a client that reads nothing at all ends when the
 * server's write to it times out.
 */
public final class LiveStream implements Disposable {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final Set<String> offices;
    private final Sinks.Many<LiveUpdate> buffer;
    private final Disposable sending;
    private final Runnable end;
    private final Scheduler senders;
    private final Runnable release;

    LiveStream(Set<String> offices, int capacity, Scheduler senders, Consumer<LiveUpdate> send, Runnable end,
               Runnable release) {
        this.offices = offices;
        this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<LiveUpdate>get(capacity).get());
        this.senders = senders;
        this.end = end;
        this.release = release;
        this.sending = buffer.asFlux().publishOn(senders, 1).subscribe(update -> deliver(send, update), this::failed);
    }

    /**
     * Sends one update; a failed send ends the sending here rather than through the subscriber's error signal:
     * when the stream was ended meanwhile (the node stopping, say), that signal arrives after the cancellation
     * and Reactor can only drop it, logging the client that went away as an error.
     */
    private void deliver(Consumer<LiveUpdate> send, LiveUpdate update) {
        try {
            send.accept(update);
        } catch (RuntimeException failure) {
            sending.dispose();
            failed(failure);
        }
    }

    /** Whether the caller may see a campaign of this office: every office when {@code offices} is null. */
    boolean sees(String office) {
        return offices == null || (office != null && offices.contains(office));
    }

    /** Buffers the update for sending; false if the buffer is full, the stream then being too far behind. */
    boolean offer(LiveUpdate update) {
        return buffer.tryEmitNext(update) != Sinks.EmitResult.FAIL_OVERFLOW;
    }

    /**
     * The stream fell a full buffer behind, or the node is stopping: nothing more is sent and its client is
     * told, on a sender's thread (ending a response may wait for a write to that client to finish), that the
     * stream is over.
     */
    void end() {
        sending.dispose();
        senders.schedule(end);
    }

    /**
     * Sending failed. A client that went away ({@link ClientGone}) has nothing more to be told: the stream
     * leaves the hub. Any other failure, one the sender did not handle, also tells the client the stream ends.
     */
    private void failed(Throwable failure) {
        if (failure instanceof ClientGone) {
            log.debug("A live stream's client went away: {}", failure.getCause().toString());
            release.run();
            return;
        }
        log.warn("A live stream could not send an update and ends: {}", failure.toString());
        release.run();
        end.run();
    }

    /** The client went away or the stream ended: it leaves the hub and its buffer is let go. */
    @Override
    public void dispose() {
        sending.dispose();
        release.run();
    }

    @Override
    public boolean isDisposed() {
        return sending.isDisposed();
    }
}
