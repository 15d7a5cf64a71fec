package org.campaignengine.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class CoordinatorExecutorTest {

    @Test
    void axons_fixed_back_off_for_a_full_work_package_queue_is_shortened() {
        assertThat(CoordinatorExecutor.backOff(100, TimeUnit.MILLISECONDS))
                .isEqualTo(CoordinatorExecutor.FULL_QUEUE_BACK_OFF_MS).isLessThan(100);
    }

    @Test
    void every_other_delay_the_coordinator_asks_for_is_kept() {
        assertThat(CoordinatorExecutor.backOff(0, TimeUnit.MILLISECONDS)).isZero();
        assertThat(CoordinatorExecutor.backOff(500, TimeUnit.MILLISECONDS)).isEqualTo(500);
        assertThat(CoordinatorExecutor.backOff(5, TimeUnit.SECONDS)).isEqualTo(5_000);
        assertThat(CoordinatorExecutor.backOff(99, TimeUnit.MILLISECONDS)).isEqualTo(99);
    }
}
