package org.campaignengine.domain.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SimulatedCarrierTest {

    private final SimulatedCarrier carrier = new SimulatedCarrier(List.of("999"));

    @Test
    void buys_a_number_in_the_asked_area_code() throws Exception {
        assertThat(carrier.buy("617", "launch-1:617")).matches("\\+1617\\d{7}");
    }

    @Test
    void refuses_an_unavailable_area_code() {
        assertThatThrownBy(() -> carrier.buy("999", "launch-1:999"))
                .isInstanceOf(PhoneCarrier.NumberUnavailable.class)
                .hasMessageContaining("999");
    }

    @Test
    void buying_again_with_the_same_key_returns_the_same_number() throws Exception {
        assertThat(carrier.buy("617", "launch-1:617")).isEqualTo(carrier.buy("617", "launch-1:617"));
    }

    @Test
    void release_gives_the_number_back() throws Exception {
        String number = carrier.buy("617", "launch-1:617");
        carrier.release(number);
        assertThat(carrier.holds(number)).isFalse();
    }
}
