package org.campaignengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SteadyTraceTest {

    @Test
    void each_command_of_a_steady_run_is_written_with_its_due_time_latency_and_kind(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("traces").resolve("steady-42.csv");

        ServiceDriver.writeTrace(file, 1_000, 2_000_000, new double[]{1.5, 30.25, 2, 0.125, 7});

        assertThat(Files.readAllLines(file)).containsExactly(
                "due_epoch_ms,latency_ms,create",
                "1000.0,1.50,true",
                "1002.0,30.25,false",
                "1004.0,2.00,false",
                "1006.0,0.13,false",
                "1008.0,7.00,true");
    }
}
