package org.campaignengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryMonitorTest {

    @Test
    void readings_of_the_monitor_at_work_under_60_ms_apart_are_one_burst() {
        MemoryMonitor.Bursts bursts = MemoryMonitor.Bursts.of(true, List.of(new long[]{1_000, 1_005},
                new long[]{1_005, 1_010}, new long[]{1_050, 1_055}, new long[]{1_600, 1_605}));

        assertThat(bursts.windows()).containsExactly(new long[]{1_000, 1_055}, new long[]{1_600, 1_605});
    }

    @Test
    void a_steady_run_beside_the_bursts_says_their_share_of_it_and_what_the_commands_due_away_from_them_took() {
        MemoryMonitor.Bursts bursts = MemoryMonitor.Bursts.of(true, List.of(new long[]{1_200, 1_250},
                new long[]{1_700, 1_750}));
        double[] latencies = new double[100];
        for (int n = 0; n < latencies.length; n++) {
            latencies[n] = n >= 20 && n <= 30 || n >= 70 && n <= 80 ? 45 : 2;
        }

        // a command every 10 ms from 1,000: due 1,000 to 1,990, the run 1,000 ms long
        MemoryMonitor.Stalls stalls = bursts.met(1_000, 10_000_000, latencies);

        assertThat(stalls.monitored()).isTrue();
        assertThat(stalls.shareInBursts()).isEqualTo(0.1);
        assertThat(stalls.commands()).isEqualTo(100);
        // at least 100 ms before or after 1,200-1,250 and 1,700-1,750: not due 1,110 to 1,340 or 1,610 to 1,840
        assertThat(stalls.away().count()).isEqualTo(100 - 2 * 24);
        assertThat(stalls.away().percentile(99)).isEqualTo(2);
        assertThat(stalls.text()).isEqualTo("bursts 10.0 % of the run; away from them p99 2.0 ms (52 of 100 commands)");
    }

    @Test
    void a_machine_without_a_running_monitor_says_so() throws Exception {
        assertThat(MemoryMonitor.Bursts.of(false, List.of()).met(1_000, 1e6, new double[]{1, 2}).text())
                .isEqualTo("no monitor running");
    }

    @Test
    void the_monitor_threads_run_time_is_read_while_watched_and_its_bursts_noted(@TempDir Path root)
            throws Exception {
        Path runTime = kdamond(root, "0", "on", 4242, "1000000 0 1");
        kdamond(root, "1", "off", 4343, "5000000 0 1");

        long watched = System.currentTimeMillis();
        MemoryMonitor monitor = MemoryMonitor.watch(root.resolve("kdamonds"), root.resolve("proc"));
        Thread.sleep(100);
        long workedFrom = System.currentTimeMillis();
        Files.writeString(runTime, "9000000 0 2\n");
        Thread.sleep(20);
        Files.writeString(runTime, "19000000 0 3\n");
        long workedTo = System.currentTimeMillis();
        Thread.sleep(300);
        monitor.stop();
        long stopped = System.currentTimeMillis();

        MemoryMonitor.Bursts bursts = monitor.bursts();
        assertThat(bursts.monitored()).isTrue();
        assertThat(bursts.windows()).as("two readings of work 20 ms apart: one burst").hasSize(1);
        assertThat(bursts.windows().get(0)[0]).isBetween(watched, workedTo);
        assertThat(bursts.windows().get(0)[1]).isBetween(workedFrom, stopped);
    }

    @Test
    void a_run_time_that_cannot_be_read_for_a_while_is_not_taken_for_work(@TempDir Path root) throws Exception {
        Path runTime = kdamond(root, "0", "on", 4242, "7000000 0 1");

        MemoryMonitor monitor = MemoryMonitor.watch(root.resolve("kdamonds"), root.resolve("proc"));
        Thread.sleep(50);
        Files.delete(runTime);
        Thread.sleep(50);
        Files.writeString(runTime, "7000000 0 1\n");
        Thread.sleep(50);
        monitor.stop();

        assertThat(monitor.bursts().monitored()).isTrue();
        assertThat(monitor.bursts().windows()).isEmpty();
    }

    @Test
    void a_monitor_switched_off_is_not_watched(@TempDir Path root) throws Exception {
        kdamond(root, "0", "off", 4242, "7000000 0 1");

        MemoryMonitor monitor = MemoryMonitor.watch(root.resolve("kdamonds"), root.resolve("proc"));
        monitor.stop();

        assertThat(monitor.bursts().monitored()).isFalse();
        assertThat(MemoryMonitor.watch(root.resolve("absent"), root).bursts().monitored()).isFalse();
    }

    /** A monitor thread as the kernel lists it under {@code root/kdamonds}, its run time under {@code root/proc}. */
    private static Path kdamond(Path root, String name, String state, long pid, String schedstat) throws Exception {
        Path thread = Files.createDirectories(root.resolve("kdamonds").resolve(name));
        Files.writeString(thread.resolve("state"), state + "\n");
        Files.writeString(thread.resolve("pid"), pid + "\n");
        Path runTime = Files.createDirectories(root.resolve("proc").resolve(Long.toString(pid))).resolve("schedstat");
        Files.writeString(runTime, schedstat + "\n");
        return runTime;
    }
}
