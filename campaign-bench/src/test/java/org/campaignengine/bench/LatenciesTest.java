package org.campaignengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentiles_are_nearest_rank() {
        Latencies latencies = Latencies.of(5, 1, 4, 2, 3, 10, 9, 8, 7, 6);
        assertThat(latencies.percentile(50)).isEqualTo(5);
        assertThat(latencies.percentile(95)).isEqualTo(10);
        assertThat(latencies.percentile(10)).isEqualTo(1);
        assertThat(Latencies.of(42).percentile(95)).isEqualTo(42);
    }

    @Test
    void a_rate_below_its_share_of_the_baseline_misses_its_target() {
        Report report = new Report();
        report.rate("intake", 60_000, 200_000, 50_000, 0.35);
        report.rate("replay", 25_000, 0, 20_000, 0);
        assertThat(report.rows()).extracting(Report.Row::met).containsExactly(false, true);
        assertThat(report.rows().get(0).ratio()).isEqualTo("30 %");
    }
}
