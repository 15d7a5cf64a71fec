package org.campaignengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
    void turns_pooled_add_their_commands_seconds_and_cpu_and_rank_their_times_together() {
        CrudComparison.Rate first = new CrudComparison.Rate(100, 2.0, Latencies.of(1, 2, 3, 4), new CpuUse(10, 20, 1));
        CrudComparison.Rate second = new CrudComparison.Rate(300, 2.0, Latencies.of(5, 6, 7, 8), new CpuUse(30, -1, 2));

        CrudComparison.Rate both = first.and(second);

        assertThat(both.perSecond()).isEqualTo(100.0);
        assertThat(both.latencies().count()).isEqualTo(8);
        assertThat(both.latencies().percentile(50)).isEqualTo(4);
        assertThat(both.latencies().percentile(100)).isEqualTo(8);
        assertThat(both.cpu()).as("a span of unknown database CPU leaves the sum unknown").isEqualTo(new CpuUse(40, -1, 3));
    }

    @Test
    void a_rate_below_its_share_of_the_baseline_misses_its_target() {
        Report report = new Report(true);
        report.rate("intake", 60_000, 200_000, 50_000, 0.35);
        report.rate("replay", 25_000, 0, 20_000, 0);
        assertThat(report.rows()).extracting(Report.Row::met).containsExactly(false, true);
        assertThat(report.rows().get(0).ratio()).isEqualTo("30 %");
    }

    @Test
    void a_p99_far_under_a_stalled_baselines_reads_as_a_ratio_not_as_nought() {
        Report report = new Report(true);
        Latencies engine = Latencies.of(1.7, 19.8);
        report.latencyP99("steady", engine, Latencies.of(1.2, 570.8), 20);
        report.latencyP99("steady", engine, Latencies.of(1.2, 9.9), 20);

        assertThat(report.rows()).extracting(Report.Row::ratio).containsExactly("0.03×", "2.0×");
        assertThat(report.rows()).extracting(Report.Row::met).containsExactly(true, true);
    }

    @Test
    void a_judged_table_gives_each_row_its_verdict_and_a_smoke_table_gives_none() {
        for (boolean judged : new boolean[] {true, false}) {
            Report report = new Report(judged);
            report.rate("intake", 60_000, 200_000, 50_000, 0.35);
            report.rate("replay", 25_000, 0, 20_000, 0);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String table = bytes.toString(StandardCharsets.UTF_8);
            if (judged) {
                assertThat(table).contains("| met |", "| NO |", "| yes |");
            } else {
                assertThat(table).contains("no verdicts", "| target at full size |", "| intake | 60")
                        .doesNotContain("| met |", "| NO |", "| yes |");
            }
        }
        assertThat(BenchSize.of("smoke").judged()).isFalse();
        assertThat(BenchSize.of("medium").judged()).isTrue();
        assertThat(BenchSize.of("full").judged()).isTrue();
    }

    @Test
    void interleaved_calls_are_taken_in_turn_and_each_keeps_its_own_times() throws Exception {
        List<String> order = new ArrayList<>();
        List<Callable<?>> calls = List.of(() -> order.add("big"), () -> order.add("small"));

        List<Latencies> both = Latencies.interleaved(1, 3, calls);

        assertThat(order).containsExactly("big", "small", "big", "small", "big", "small", "big", "small");
        assertThat(both).extracting(Latencies::count).containsExactly(3, 3);
    }
}
