package org.campaignengine.api.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.campaignengine.api.eventstore.AxonTables.SegmentClaim;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An event processor as this node sees it: every segment the token store holds for it, the node that holds
 * each (the token's owner), how far each has read against the head of the store, and its state. Positions are
 * global event-store positions, -1 before the first event; lag counts the positions between a segment and the
 * head (an upper bound of the events it has still to read: a gap in the positions counts as one).
 *
 * <p>What this node runs it knows first-hand (Axon's {@link EventTrackerStatus}: caught up, replaying, in
 * error with its last error); a segment another node holds is judged from its stored token: a replay token
 * short of its reset position is replaying, a lag above {@code campaign.health.max-read-model-lag} is
 * catching up. The processor's own state, worst first: {@code STOPPED} (not running on this node),
 * {@code ERRORING}, {@code REPLAYING}, {@code CATCHING_UP}, {@code RUNNING}.
 */
@Schema(description = "An event processor: its segments, the node holding each, positions, lag and state.")
record ProcessorStatus(
        @Schema(description = "The processor (a processing group).", example = "status-index") String name,
        @Schema(description = "The node that answered: the owner name its claims carry.", example = "engine-1:8080")
        String node,
        @Schema(description = "The processor runs on the node that answered.", example = "true") boolean running,
        @Schema(description = "RUNNING, CATCHING_UP, REPLAYING, ERRORING or STOPPED (on the node that answered).",
                example = "RUNNING") State state,
        @Schema(description = "The last error of a segment this node runs, when one is in error.", nullable = true,
                example = "java.lang.IllegalStateException: no such row") String error,
        @Schema(description = "The position of the newest stored event; -1 for an empty store.", example = "10451")
        long head,
        @Schema(description = "The lowest position of any segment: every event up to it has been handled.",
                example = "10449") long position,
        @Schema(description = "The largest lag of any segment, in positions behind the head.", example = "2")
        long lag,
        @Schema(description = "A replay's progress, while a segment replays; null otherwise.", nullable = true)
        Replay replay,
        @Schema(description = "Dead letters kept for this processor (events set aside); null when it keeps none.",
                nullable = true, example = "0") Long deadLetters,
        @Schema(description = "Campaign sequences among the dead letters; null when it keeps none.", nullable = true,
                example = "0") Long deadLetterSequences,
        @Schema(description = "Each segment the token store holds, by id.") List<SegmentStatus> segments) {

    /** Worst first: the processor's state is the first that applies. */
    enum State { STOPPED, ERRORING, REPLAYING, CATCHING_UP, RUNNING, UNCLAIMED }

    @Schema(name = "ProcessorReplay", description = "How far a replay has come over the segments that replay.")
    record Replay(
            @Schema(description = "The lowest position of a replaying segment.", example = "5200") long position,
            @Schema(description = "The highest position a replaying segment must reach (where it was reset).",
                    example = "10451") long target,
            @Schema(description = "Progress from 0 to 1.", example = "0.5") double fraction) {
    }

    @Schema(name = "ProcessorSegment", description = "One segment of an event processor.")
    record SegmentStatus(
            @Schema(description = "The segment's id.", example = "0") int segment,
            @Schema(description = "The share of the campaigns it handles: 1 in this many.", example = "2") int of,
            @Schema(description = "The node holding its claim; null when no node does.", nullable = true,
                    example = "engine-2:8080") String owner,
            @Schema(description = "The node that answered holds it.", example = "false") boolean heldHere,
            @Schema(description = "RUNNING, CATCHING_UP, REPLAYING, ERRORING or UNCLAIMED.", example = "RUNNING")
            State state,
            @Schema(description = "Its position; -1 before its first event.", example = "10451") long position,
            @Schema(description = "Positions between it and the head.", example = "0") long lag,
            @Schema(description = "Where it was when reset, while replaying; null otherwise.", nullable = true,
                    example = "10451") Long resetPosition,
            @Schema(description = "Its last error, when this node runs it and it is in error.", nullable = true)
            String error,
            @Schema(description = "When its owner last renewed the claim (ISO-8601); null if never claimed.",
                    nullable = true, example = "2026-12-04T05:00:00.123Z") String claimedAt) {
    }

    /**
     * {@code claims}: the token store's segments; {@code here}: Axon's status of those this node runs;
     * {@code deadLetters}/{@code sequences}: null for a processor without a dead-letter queue.
     */
    static ProcessorStatus of(String name, String node, boolean running, long head, List<SegmentClaim> claims,
                              Map<Integer, EventTrackerStatus> here, Long deadLetters, Long sequences,
                              long maxLag) {
        int[] ids = claims.stream().mapToInt(SegmentClaim::segment).toArray();
        Segment[] shapes = ids.length == 0 ? new Segment[0] : Segment.computeSegments(ids);
        List<SegmentStatus> segments = new ArrayList<>();
        for (SegmentClaim claim : claims) {
            int of = Arrays.stream(shapes).filter(s -> s.getSegmentId() == claim.segment()).findFirst()
                    .map(s -> s.getMask() + 1).orElse(1);
            segments.add(segment(claim, of, node, head, here.get(claim.segment()), maxLag));
        }
        long position = segments.stream().mapToLong(SegmentStatus::position).min().orElse(-1L);
        long lag = segments.stream().mapToLong(SegmentStatus::lag).max().orElse(lag(head, -1));
        String error = segments.stream().map(SegmentStatus::error).filter(e -> e != null).findFirst().orElse(null);
        List<SegmentStatus> replaying = segments.stream().filter(s -> s.state() == State.REPLAYING).toList();
        Replay replay = replaying.isEmpty() ? null : replay(replaying);
        State state = !running ? State.STOPPED : error != null ? State.ERRORING : replay != null ? State.REPLAYING
                : segments.isEmpty() && lag > maxLag ? State.CATCHING_UP
                : segments.stream().anyMatch(s -> s.state() == State.CATCHING_UP
                        || s.state() == State.UNCLAIMED && s.lag() > maxLag) ? State.CATCHING_UP : State.RUNNING;
        return new ProcessorStatus(name, node, running, state, error, head, position, lag, replay, deadLetters,
                sequences, segments);
    }

    private static SegmentStatus segment(SegmentClaim claim, int of, String node, long head, EventTrackerStatus local,
                                         long maxLag) {
        boolean heldHere = local != null || node.equals(claim.owner());
        long position = local != null && local.getCurrentPosition().isPresent()
                ? local.getCurrentPosition().getAsLong() : position(claim.token());
        Long reset = local != null ? boxed(local.getResetPosition()) : boxed(ReplayToken.getTokenAtReset(claim.token()));
        boolean replaying = (local != null ? local.isReplaying() : ReplayToken.isReplay(claim.token()))
                && (reset == null || position < reset);
        long lag = lag(head, position);
        String error = local != null && local.isErrorState() ? describe(local.getError()) : null;
        State state;
        if (error != null) {
            state = State.ERRORING;
        } else if (claim.owner() == null && local == null) {
            state = State.UNCLAIMED;
        } else if (replaying) {
            state = State.REPLAYING;
        } else if (local != null ? !local.isCaughtUp() && lag > 0 : lag > maxLag) {
            state = State.CATCHING_UP;
        } else {
            state = State.RUNNING;
        }
        return new SegmentStatus(claim.segment(), of, local != null && claim.owner() == null ? node : claim.owner(),
                heldHere, state, position, lag, replaying ? reset : null, error, claim.claimedAt());
    }

    private static Replay replay(List<SegmentStatus> replaying) {
        long position = replaying.stream().mapToLong(SegmentStatus::position).min().orElse(-1L);
        long target = replaying.stream().map(SegmentStatus::resetPosition).filter(p -> p != null)
                .max(Comparator.naturalOrder()).orElse(0L);
        double fraction = target <= 0 ? 0.0 : Math.max(0.0, Math.min(1.0, (double) position / target));
        return new Replay(position, target, fraction);
    }

    /** Positions between {@code position} and the head; 0 when there is nothing to read. */
    static long lag(long head, long position) {
        return Math.max(0, head - position);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1L);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static String describe(Throwable error) {
        if (error == null) {
            return "in error";
        }
        String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
