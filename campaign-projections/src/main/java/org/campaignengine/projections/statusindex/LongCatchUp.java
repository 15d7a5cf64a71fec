package org.campaignengine.projections.statusindex;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.axonframework.eventhandling.TrackingToken;

/**
 * Whether the status index is about to catch up on a long stretch of history: the newest stored event is
 * at least {@code backlog} events ahead of the first one this node handles (a first build from an existing
 * store, or a node that was down while many events arrived). Applying that many events to rows kept in
 * two dozen sort indexes costs each row two dozen random index writes; with the indexes parked
 * ({@link org.campaignengine.projections.tables.ParkedIndexes}) and built again once caught up it is several times
 * faster, and an index that far behind serves stale pages either way. Decided once per node, on the first
 * event it handles; a short backlog (a restart, a new installation, a test) keeps the indexes.
 */
public final class LongCatchUp {

    private final LongSupplier head;
    private final long backlog;
    private final AtomicBoolean decided = new AtomicBoolean();

    /** {@code head}: the position of the newest stored event; {@code backlog}: the least distance that parks. */
    public LongCatchUp(LongSupplier head, long backlog) {
        this.head = head;
        this.backlog = backlog;
    }

    static LongCatchUp never() {
        return new LongCatchUp(() -> Long.MIN_VALUE, Long.MAX_VALUE);
    }

    void decide(TrackingToken token, Runnable park) {
        if (token == null || !decided.compareAndSet(false, true)) {
            return;
        }
        long position = token.position().orElse(0);
        long newest = head.getAsLong();
        if (newest != Long.MIN_VALUE && newest - position >= backlog) {
            park.run();
        }
    }
}
