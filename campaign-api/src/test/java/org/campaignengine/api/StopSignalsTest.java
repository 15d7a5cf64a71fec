package org.campaignengine.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StopSignalsTest {

    @Test
    void a_stop_signal_exits_with_the_status_the_close_answers() {
        assertThat(StopSignals.status(() -> 0)).isZero();
        assertThat(StopSignals.status(() -> 3)).isEqualTo(3);
    }

    @Test
    void a_close_that_fails_even_for_want_of_a_class_still_exits_with_status_1() {
        assertThat(StopSignals.status(() -> {
            throw new NoClassDefFoundError("org/springframework/boot/ExitCodeGenerator");
        })).isEqualTo(1);
        assertThat(StopSignals.status(() -> {
            throw new IllegalStateException("a bean refused to stop");
        })).isEqualTo(1);
    }
}
