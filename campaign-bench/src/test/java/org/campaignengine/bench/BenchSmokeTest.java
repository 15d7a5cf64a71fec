package org.campaignengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.MultiProcess;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

/**
 * The benchmark command at its smoke size, as CI runs it: every measurement works against the packaged
 * engine and the table is printed (to the build's output) with a figure in every row. Targets are not
 * asserted: on a smoke-sized history they say nothing; the full run's figures are in docs/benchmarks.md.
 */
@PostgresTest
@MultiProcess
class BenchSmokeTest {

    private static final Path JAR = Path.of("..", "campaign-api", "target", "campaign-api-0.1.0-SNAPSHOT.jar");
    /** Made by this module's build right after compiling (process-classes), so it is there for the tests. */
    private static final Path CRUD = Path.of("target", "campaign-bench-0.1.0-SNAPSHOT-crud.jar");

    @Test
    void the_smoke_run_measures_every_row_against_its_baseline_and_prints_the_table() throws Exception {
        assertThat(Files.isRegularFile(JAR)).as(JAR + ": build the engine first (mvn verify builds it)").isTrue();
        try (FreshDatabase server = FreshDatabase.create()) {
            Report report = BenchMain.run(Map.of("size", "smoke", "jar", JAR.toString(), "crud", CRUD.toString(),
                    "postgres", server.jdbcUrl()),
                    System.out);
            assertThat(report.rows()).extracting(Report.Row::metric).anySatisfy(m -> assertThat(m).startsWith("index page"))
                    .anySatisfy(m -> assertThat(m).startsWith("index page p95 flat"))
                    .anySatisfy(m -> assertThat(m).startsWith("tab counts p95 flat"))
                    .anySatisfy(m -> assertThat(m).startsWith("lifecycle commands over HTTP"))
                    .anySatisfy(m -> assertThat(m).startsWith("lifecycle commands on the command bus"))
                    .anySatisfy(m -> assertThat(m).startsWith("creates over HTTP, 16 connections, against the CRUD"))
                    .anySatisfy(m -> assertThat(m).startsWith("lifecycle commands on existing campaigns"))
                    .anySatisfy(m -> assertThat(m).startsWith("commands at a steady 500/s"))
                    .anySatisfy(m -> assertThat(m).startsWith("index page of 20 sorted by name"))
                    .anySatisfy(m -> assertThat(m).startsWith("read models caught up after the steady run"))
                    .anySatisfy(m -> assertThat(m).startsWith("analytics p95 flat"))
                    .anySatisfy(m -> assertThat(m).startsWith("activity series p95 flat"))
                    .anySatisfy(m -> assertThat(m).startsWith("engine heap at -Xmx512m"))
                    .anySatisfy(m -> assertThat(m).startsWith("activity intake"))
                    .anySatisfy(m -> assertThat(m).startsWith("audit trail page"))
                    .anySatisfy(m -> assertThat(m).startsWith("status-index replay"));
            assertThat(report.rows()).filteredOn(row -> row.metric().startsWith(ComparisonRows.MEMORY_MONITOR_ROW))
                    .singleElement().satisfies(row -> {
                        assertThat(row.engine()).matches("no monitor running|bursts .* p99 .*");
                        assertThat(row.baseline()).matches("no monitor running|bursts .* p99 .*");
                    });
            assertThat(report.rows())
                    .filteredOn(row -> !row.metric().startsWith(ComparisonRows.MEMORY_MONITOR_ROW))
                    .allSatisfy(row -> assertThat(row.engine()).matches(".*\\d.*").doesNotContain("NaN"));
            assertThat(report.rows()).allSatisfy(row -> assertThat(row.baseline()).doesNotContain("NaN"));
        }
    }
}
