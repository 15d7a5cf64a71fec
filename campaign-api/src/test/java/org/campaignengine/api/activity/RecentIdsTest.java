package org.campaignengine.api.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void the_latest_ids_are_held_and_the_oldest_forgotten_first() {
        RecentIds recent = new RecentIds(25_000);
        for (int batch = 0; batch < 10; batch++) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                ids.add("r-" + (batch * 10_000 + i));
            }
            recent.add("c-1", ids);
        }

        assertThat(recent.size()).isEqualTo(25_000);
        assertThat(recent.known("c-1", List.of("r-99999", "r-90000", "r-75000"))).hasSize(3);
        assertThat(recent.known("c-1", List.of("r-74999", "r-0"))).isEmpty();
    }

    @Test
    void ids_are_held_per_campaign() {
        RecentIds recent = new RecentIds(10);
        recent.add("c-1", List.of("r-1"));

        assertThat(recent.known("c-1", List.of("r-1", "r-2"))).containsExactly("r-1");
        assertThat(recent.known("c-2", List.of("r-1"))).isEmpty();
    }

    @Test
    void a_capacity_of_zero_holds_nothing() {
        RecentIds recent = new RecentIds(0);
        recent.add("c-1", List.of("r-1"));

        assertThat(recent.known("c-1", List.of("r-1"))).isEmpty();
    }
}
