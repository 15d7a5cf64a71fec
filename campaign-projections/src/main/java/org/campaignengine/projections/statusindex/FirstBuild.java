package org.campaignengine.projections.statusindex;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.axonframework.eventhandling.TrackingToken;

/**
 * Whether the status index is being built for the first time from a long history: its table is empty
 * and the newest stored event is at least {@code backlog} events ahead of the first one it handles.
 * Such a build writes every row anew, like a replay, and is several times faster with the sort indexes
 * parked ({@link org.campaignengine.projections.ParkedIndexes}). Decided once per node, on the first
 * event it handles; a short history (a new installation, a test) keeps its indexes.
 */
public final class FirstBuild {

    private final LongSupplier head;
    private final long backlog;
    private final AtomicBoolean decided = new AtomicBoolean();

    /** {@code head}: the position of the newest stored event; {@code backlog}: the least distance that parks. */
    public FirstBuild(LongSupplier head, long backlog) {
        this.head = head;
        this.backlog = backlog;
    }

    static FirstBuild never() {
        return new FirstBuild(() -> Long.MIN_VALUE, Long.MAX_VALUE);
    }

    void decide(TrackingToken token, BooleanSupplier indexEmpty, Runnable park) {
        if (token == null || !decided.compareAndSet(false, true)) {
            return;
        }
        long position = token.position().orElse(0);
        long newest = head.getAsLong();
        if (newest != Long.MIN_VALUE && newest - position >= backlog && indexEmpty.getAsBoolean()) {
            park.run();
        }
    }
}
