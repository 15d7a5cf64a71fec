package org.campaignengine.api.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventTrackerStatus;

/**
 * How far a read model's replay has come: positions are global event-store positions. The top line agrees
 * with the segments: {@code position} is the lowest position of any segment (every event up to it is in the
 * read model, whichever segment handles it), and {@code target} the position the read model must reach.
 * During a replay that is where the processor was when it was reset (the highest reset position of its
 * segments); when no replay runs it is the highest position a segment has reached, the head as far as this
 * read model has read the events, so an idle read model shows {@code position} and {@code target} as its
 * segments do, never zeros. A segment that has read no event yet counts as position 0.
 * A segment is done once it has reached the reset position: Axon keeps marking it as replaying until an
 * event newer than the reset arrives, which on a quiet engine may be never. {@code indexing}: the events
 * are all in and the read model's indexes, set aside for the replay, are being built again; the replay is
 * not over until they are.
 */
record ReplayProgress(String name, boolean running, boolean replaying, boolean indexing, long position, long target,
                      double fraction, List<Segment> segments) {

    record Segment(int segment, boolean replaying, Long position, Long resetPosition, boolean caughtUp) {
    }

    static ReplayProgress of(String name, boolean running, Map<Integer, EventTrackerStatus> status, boolean indexing) {
        List<Segment> segments = status.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> segment(e.getKey(), e.getValue())).toList();
        boolean replaying = segments.stream().anyMatch(Segment::replaying);
        long resetTarget = highest(segments.stream().map(Segment::resetPosition).toList());
        long head = highest(segments.stream().map(Segment::position).toList());
        long position = segments.stream().mapToLong(s -> s.position() == null ? 0 : s.position()).min().orElse(0L);
        long target = replaying ? resetTarget : Math.max(resetTarget, head);
        double fraction = !replaying ? 1.0 : target <= 0 ? 0.0 : Math.min(1.0, (double) position / target);
        return new ReplayProgress(name, running, replaying || indexing, indexing, position, target,
                indexing ? Math.min(fraction, 0.99) : fraction, segments);
    }

    private static long highest(List<Long> positions) {
        return positions.stream().filter(p -> p != null).max(Comparator.naturalOrder()).orElse(0L);
    }

    /** Every segment has taken in every event up to the reset and beyond, so the live index is complete. */
    boolean caughtUp() {
        return !segments.isEmpty() && segments.stream().allMatch(s -> s.caughtUp() && !s.replaying());
    }

    private static Segment segment(int id, EventTrackerStatus status) {
        Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null;
        Long reset = status.getResetPosition().isPresent() ? status.getResetPosition().getAsLong() : null;
        boolean behind = status.isReplaying() && (position == null || reset == null || position < reset);
        return new Segment(id, behind, position, reset, status.isCaughtUp());
    }
}
