package org.campaignengine.api.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventTrackerStatus;

import io.swagger.v3.oas.annotations.media.Schema;

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
@Schema(description = "How far a read model's replay has come; positions are global event-store positions.")
record ReplayProgress(
        @Schema(description = "The read model.", example = "status-index") String name,
        @Schema(description = "Its event processor is running.", example = "true") boolean running,
        @Schema(description = "A replay is under way (taking in events, or rebuilding indexes).", example = "true")
        boolean replaying,
        @Schema(description = "The events are all in and the indexes set aside for the replay are being built again.",
                example = "false") boolean indexing,
        @Schema(description = "The position the slowest segment has reached.", example = "5200") long position,
        @Schema(description = "The position the replay must reach (where the processor was when it was reset).",
                example = "10451") long target,
        @Schema(description = "Progress from 0 to 1; at most 0.99 while indexing.", example = "0.5") double fraction,
        @Schema(description = "Each segment of the processor.") List<Segment> segments) {

    @Schema(name = "ReplaySegment", description = "One segment of a read model's event processor.")
    record Segment(
            @Schema(description = "The segment's id.", example = "0") int segment,
            @Schema(description = "It has not reached the reset position yet.", example = "true") boolean replaying,
            @Schema(description = "Its position; null before its first event.", example = "5200", nullable = true)
            Long position,
            @Schema(description = "Where it was when reset; null when not replaying.", example = "10451",
                    nullable = true) Long resetPosition,
            @Schema(description = "It has taken in every event stored so far.", example = "false")
            boolean caughtUp) {
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
