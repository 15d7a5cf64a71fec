package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

class LongCatchUpTest {

    private final AtomicInteger parked = new AtomicInteger();

    @Test
    void an_index_far_behind_the_newest_event_parks_its_indexes_once() {
        LongCatchUp build = new LongCatchUp(() -> 1_000, 500);
        build.decide(new GlobalSequenceTrackingToken(10), parked::incrementAndGet);
        build.decide(new GlobalSequenceTrackingToken(11), parked::incrementAndGet);
        assertThat(parked).hasValue(1);
    }

    @Test
    void a_short_backlog_keeps_the_indexes() {
        new LongCatchUp(() -> 1_000, 500).decide(new GlobalSequenceTrackingToken(600),
                parked::incrementAndGet);
        assertThat(parked).hasValue(0);
    }

    @Test
    void a_node_far_behind_parks_the_indexes_whether_or_not_the_index_holds_rows() {
        new LongCatchUp(() -> 1_000_000, 500).decide(new GlobalSequenceTrackingToken(999_000), parked::incrementAndGet);
        assertThat(parked).hasValue(1);
    }

    @Test
    void an_event_without_a_position_decides_nothing_yet() {
        LongCatchUp build = new LongCatchUp(() -> 1_000, 500);
        build.decide(null, parked::incrementAndGet);
        build.decide(new GlobalSequenceTrackingToken(1), parked::incrementAndGet);
        assertThat(parked).hasValue(1);
    }
}
