package org.campaignengine.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.campaignengine.api.admin.ProcessorStatus.State;
import org.campaignengine.api.eventstore.AxonTables.SegmentClaim;
import org.junit.jupiter.api.Test;

/** A processor's answer: segments, owners, positions against the head, lag, state and dead letters. */
class ProcessorStatusTest {

    private static final String HERE = "node-a:8080";
    private static final String THERE = "node-b:8080";

    @Test
    void segments_held_here_and_elsewhere_show_their_owner_position_and_lag() {
        ProcessorStatus status = ProcessorStatus.of("status-index", HERE, true, 100,
                List.of(claim(0, HERE, token(100)), claim(1, THERE, token(98))),
                Map.of(0, local(100, null, false, true, null)), 0L, 0L, 10);

        assertThat(status.state()).isEqualTo(State.RUNNING);
        assertThat(status.head()).isEqualTo(100);
        assertThat(status.position()).isEqualTo(98);
        assertThat(status.lag()).isEqualTo(2);
        assertThat(status.deadLetters()).isZero();
        assertThat(status.segments()).extracting(ProcessorStatus.SegmentStatus::owner).containsExactly(HERE, THERE);
        assertThat(status.segments()).extracting(ProcessorStatus.SegmentStatus::heldHere).containsExactly(true, false);
        assertThat(status.segments()).extracting(ProcessorStatus.SegmentStatus::lag).containsExactly(0L, 2L);
        assertThat(status.segments()).extracting(ProcessorStatus.SegmentStatus::of).containsExactly(2, 2);
        assertThat(status.replay()).isNull();
    }

    @Test
    void a_node_not_caught_up_is_catching_up_and_a_segment_elsewhere_far_behind_too() {
        ProcessorStatus here = ProcessorStatus.of("analytics", HERE, true, 5000,
                List.of(claim(0, HERE, token(10))), Map.of(0, local(10, null, false, false, null)), null, null, 1000);
        assertThat(here.state()).isEqualTo(State.CATCHING_UP);
        assertThat(here.lag()).isEqualTo(4990);
        assertThat(here.deadLetters()).isNull();

        ProcessorStatus there = ProcessorStatus.of("analytics", HERE, true, 5000,
                List.of(claim(0, THERE, token(10))), Map.of(), null, null, 1000);
        assertThat(there.state()).isEqualTo(State.CATCHING_UP);
        assertThat(there.segments().get(0).state()).isEqualTo(State.CATCHING_UP);
    }

    @Test
    void a_replay_shows_its_progress_from_the_replaying_segments_wherever_they_run() {
        TrackingToken replaying = ReplayToken.createReplayToken(token(80), token(20));
        ProcessorStatus status = ProcessorStatus.of("status-index", HERE, true, 80,
                List.of(claim(0, HERE, token(80)), claim(1, THERE, replaying)),
                Map.of(0, local(40, 80L, true, false, null)), 0L, 0L, 1000);

        assertThat(status.state()).isEqualTo(State.REPLAYING);
        assertThat(status.segments()).extracting(ProcessorStatus.SegmentStatus::state)
                .containsExactly(State.REPLAYING, State.REPLAYING);
        assertThat(status.segments()).extracting(ProcessorStatus.SegmentStatus::resetPosition).containsExactly(80L, 80L);
        assertThat(status.replay().position()).isEqualTo(20);
        assertThat(status.replay().target()).isEqualTo(80);
        assertThat(status.replay().fraction()).isEqualTo(0.25);
    }

    @Test
    void a_segment_in_error_names_its_last_error_and_a_stopped_processor_is_stopped() {
        ProcessorStatus erroring = ProcessorStatus.of("contacts", HERE, true, 10, List.of(claim(0, HERE, token(5))),
                Map.of(0, local(5, null, false, false, new IllegalStateException("no such row"))), 1L, 1L, 1000);
        assertThat(erroring.state()).isEqualTo(State.ERRORING);
        assertThat(erroring.error()).isEqualTo("java.lang.IllegalStateException: no such row");
        assertThat(erroring.segments().get(0).error()).isEqualTo(erroring.error());

        ProcessorStatus stopped = ProcessorStatus.of("contacts", HERE, false, 10, List.of(claim(0, null, token(5))),
                Map.of(), 0L, 0L, 1000);
        assertThat(stopped.state()).isEqualTo(State.STOPPED);
        assertThat(stopped.segments().get(0).state()).isEqualTo(State.UNCLAIMED);
        assertThat(stopped.segments().get(0).owner()).isNull();
    }

    @Test
    void a_processor_whose_tokens_are_not_made_yet_is_as_far_behind_as_the_store_is_long() {
        ProcessorStatus fresh = ProcessorStatus.of("calendar", HERE, true, 4999, List.of(), Map.of(), null, null, 1000);
        assertThat(fresh.lag()).isEqualTo(5000);
        assertThat(fresh.position()).isEqualTo(-1);
        assertThat(fresh.state()).isEqualTo(State.CATCHING_UP);

        ProcessorStatus empty = ProcessorStatus.of("calendar", HERE, true, -1, List.of(), Map.of(), null, null, 1000);
        assertThat(empty.lag()).isZero();
        assertThat(empty.state()).isEqualTo(State.RUNNING);
    }

    private static SegmentClaim claim(int segment, String owner, TrackingToken token) {
        return new SegmentClaim(segment, owner, token, owner == null ? null : "2026-12-04T05:00:00Z");
    }

    private static TrackingToken token(long index) {
        return GapAwareTrackingToken.newInstance(index, Set.of());
    }

    private static EventTrackerStatus local(long position, Long reset, boolean replaying, boolean caughtUp,
                                            Throwable error) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.getResetPosition()).thenReturn(reset == null ? OptionalLong.empty() : OptionalLong.of(reset));
        when(status.isReplaying()).thenReturn(replaying);
        when(status.isCaughtUp()).thenReturn(caughtUp);
        when(status.isErrorState()).thenReturn(error != null);
        when(status.getError()).thenReturn(error);
        return status;
    }
}
