package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

class FirstBuildTest {

    private final AtomicInteger parked = new AtomicInteger();

    @Test
    void an_empty_index_far_behind_the_newest_event_parks_its_indexes_once() {
        FirstBuild build = new FirstBuild(() -> 1_000, 500);
        build.decide(new GlobalSequenceTrackingToken(10), () -> true, parked::incrementAndGet);
        build.decide(new GlobalSequenceTrackingToken(11), () -> true, parked::incrementAndGet);
        assertThat(parked).hasValue(1);
    }

    @Test
    void a_short_history_keeps_the_indexes() {
        new FirstBuild(() -> 1_000, 500).decide(new GlobalSequenceTrackingToken(600), () -> true,
                parked::incrementAndGet);
        assertThat(parked).hasValue(0);
    }

    @Test
    void an_index_that_already_holds_rows_is_no_first_build() {
        new FirstBuild(() -> 1_000_000, 500).decide(new GlobalSequenceTrackingToken(1), () -> false,
                parked::incrementAndGet);
        assertThat(parked).hasValue(0);
    }

    @Test
    void an_event_without_a_position_decides_nothing_yet() {
        FirstBuild build = new FirstBuild(() -> 1_000, 500);
        build.decide(null, () -> true, parked::incrementAndGet);
        build.decide(new GlobalSequenceTrackingToken(1), () -> true, parked::incrementAndGet);
        assertThat(parked).hasValue(1);
    }
}
