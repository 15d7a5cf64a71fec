package org.campaignengine.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.junit.jupiter.api.Test;

/** The top line of a replay's progress agrees with its segments, idle, during a replay and after it. */
class ReplayProgressTest {

    @Test
    void an_idle_read_model_shows_the_position_its_segments_reached_not_zeros() {
        ReplayProgress idle = ReplayProgress.of("status-index", true,
                Map.of(0, status(18, null, false), 1, status(18, null, false)), false);

        assertThat(idle.replaying()).isFalse();
        assertThat(idle.position()).isEqualTo(18);
        assertThat(idle.target()).isEqualTo(18);
        assertThat(idle.fraction()).isEqualTo(1.0);
        assertThat(idle.segments()).extracting(ReplayProgress.Segment::position).containsOnly(18L);
    }

    @Test
    void an_idle_read_model_whose_segments_differ_shows_the_lowest_as_position_and_the_highest_as_target() {
        ReplayProgress idle = ReplayProgress.of("analytics", true,
                Map.of(0, status(18, null, false), 1, status(17, null, false)), false);

        assertThat(idle.position()).isEqualTo(17);
        assertThat(idle.target()).isEqualTo(18);
    }

    @Test
    void during_a_replay_the_position_is_the_segment_furthest_behind_and_the_target_the_reset_position() {
        ReplayProgress replaying = ReplayProgress.of("status-index", true,
                Map.of(0, status(4, 18L, true), 1, status(9, 18L, true)), false);

        assertThat(replaying.replaying()).isTrue();
        assertThat(replaying.position()).isEqualTo(4);
        assertThat(replaying.target()).isEqualTo(18);
        assertThat(replaying.fraction()).isEqualTo(4.0 / 18);
    }

    @Test
    void a_segment_that_has_read_nothing_yet_holds_the_position_at_zero() {
        ReplayProgress started = ReplayProgress.of("status-index", true,
                Map.of(0, status(null, 18L, true), 1, status(9, 18L, true)), false);

        assertThat(started.position()).isZero();
        assertThat(started.target()).isEqualTo(18);
        assertThat(started.fraction()).isZero();
    }

    @Test
    void after_a_replay_on_a_quiet_engine_the_top_line_is_where_the_segments_stand() {
        // Axon still marks a segment as replaying until an event newer than the reset arrives.
        ReplayProgress done = ReplayProgress.of("status-index", true,
                Map.of(0, status(18, 18L, true), 1, status(18, 18L, true)), false);

        assertThat(done.replaying()).isFalse();
        assertThat(done.position()).isEqualTo(18);
        assertThat(done.target()).isEqualTo(18);
        assertThat(done.fraction()).isEqualTo(1.0);

        ReplayProgress moved = ReplayProgress.of("status-index", true,
                Map.of(0, status(25, 18L, true), 1, status(24, 18L, true)), false);
        assertThat(moved.position()).isEqualTo(24);
        assertThat(moved.target()).isEqualTo(25);
    }

    @Test
    void a_read_model_without_segments_or_events_shows_zeros() {
        ReplayProgress none = ReplayProgress.of("status-index", false, Map.of(), false);
        assertThat(none.position()).isZero();
        assertThat(none.target()).isZero();
        ReplayProgress empty = ReplayProgress.of("status-index", true, Map.of(0, status(null, null, false)), false);
        assertThat(empty.position()).isZero();
        assertThat(empty.target()).isZero();
    }

    private static EventTrackerStatus status(Integer position, Long reset, boolean replaying) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(position == null ? OptionalLong.empty() : OptionalLong.of(position));
        when(status.getResetPosition()).thenReturn(reset == null ? OptionalLong.empty() : OptionalLong.of(reset));
        when(status.isReplaying()).thenReturn(replaying);
        when(status.isCaughtUp()).thenReturn(!replaying || reset != null && position != null && position >= reset);
        return status;
    }
}
