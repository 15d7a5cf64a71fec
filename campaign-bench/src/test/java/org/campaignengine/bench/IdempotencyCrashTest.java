package org.campaignengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.MultiProcess;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

/**
 * The engine is killed ({@code kill -9}) while requests with an {@code Idempotency-Key} are in flight: a
 * campaign's creation and a batch of its activity. The test holds a lock on the event table, so both
 * requests have claimed their key and wait, inside their command's transaction, to append their events.
 * The creation's append left with its {@code COMMIT} (a command's own transaction commits in that one round
 * trip), so once the lock is released PostgreSQL commits it, though its process is dead: its events and its
 * answer, together. The batch's commit never left: its transaction is rolled back, and its claim stays. The
 * engine restarted as the same node frees the claims its dead process left as it starts (their lease, ten
 * minutes here, has not run out), so the callers' re-sends with the same keys complete at once: the
 * creation's with its stored answer, the batch's by running now. A request answered before the kill is
 * answered again, and every effect is stored exactly once.
 */
@PostgresTest
@MultiProcess
class IdempotencyCrashTest {

    private static final Path JAR = TwoNodesTest.JAR;
    private static final List<String> SETTINGS = List.of("--campaign.idempotency.node-id=crash-test-node",
            "--campaign.idempotency.lease=PT10M");
    private static final String CLAIMS = "SELECT COUNT(*) FROM idempotency_key WHERE status IS NULL "
            + "AND node_id = 'crash-test-node'";
    /** The sessions waiting on the test's lock to append to the event table. */
    private static final String WAITING = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            + "AND wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO DomainEventEntry%'";

    @Test
    void requests_in_flight_when_the_engine_is_killed_complete_once_when_resent_after_the_restart() throws Exception {
        assertThat(Files.isRegularFile(JAR)).as(JAR + ": build the engine first (mvn verify builds it)").isTrue();
        String run = Long.toString(System.nanoTime());
        Map<String, Object> answeredBody = TwoNodesTest.ready("Answered before the kill " + run);
        Map<String, Object> createBody = TwoNodesTest.ready("In flight at the kill " + run);
        Map<String, Object> batch = Map.of("records", records(run));
        try (FreshDatabase database = FreshDatabase.create();
             Connection db = DriverManager.getConnection(database.jdbcUrl())) {
            String active;
            HttpApi.Reply answered;
            String appending;
            try (EngineProcess victim = EngineProcess.start(JAR, database.jdbcUrl(), "512m", SETTINGS)) {
                HttpApi api = victim.api();
                active = TwoNodesTest.activeCampaign(api);
                answered = api.send("POST", "/api/v1/campaigns", answeredBody, key("answered", run));
                assertThat(answered.status()).isEqualTo(201);

                db.setAutoCommit(false);
                try (Statement lock = db.createStatement()) {
                    lock.execute("LOCK TABLE DomainEventEntry IN SHARE MODE");
                }
                ExecutorService callers = Executors.newFixedThreadPool(2);
                callers.submit(() -> api.send("POST", "/api/v1/campaigns", createBody, key("create", run)));
                callers.submit(() -> api.send("POST", "/api/v1/campaigns/" + active + "/activity", batch,
                        key("batch", run)));
                try (Connection observer = DriverManager.getConnection(database.jdbcUrl())) {
                    awaitCount(observer, CLAIMS, 2, "both keys claimed");
                    awaitCount(observer, "SELECT COUNT(*) FROM (" + WAITING + ") waiting", 2,
                            "both commands waiting to append their events");
                    appending = pids(observer, WAITING);
                }
                victim.kill();
                db.rollback();
                db.setAutoCommit(true);
                callers.shutdownNow();
            }
            // ended, not merely past their append: a session runs the COMMIT sent after it, then reads the end of
            // its dead client's connection and exits, its transaction committed or rolled back by then
            awaitNone(db, "SELECT COUNT(*) FROM pg_stat_activity WHERE pid IN (" + appending + ")",
                    "the dead process's appending sessions ended");
            assertThat(count(db, CLAIMS)).as("the dead process's open claims: the batch's, whose commit never left")
                    .isEqualTo(1);

            try (EngineProcess restarted = EngineProcess.start(JAR, database.jdbcUrl(), "512m", SETTINGS)) {
                assertThat(count(db, CLAIMS)).as("released as the node started").isZero();
                HttpApi api = restarted.api();
                HttpApi.Reply created = api.send("POST", "/api/v1/campaigns", createBody, key("create", run));
                assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
                assertThat(created.header("Idempotent-Replayed")).as("committed after the kill: its answer")
                        .isEqualTo("true");
                HttpApi.Reply recorded = api.send("POST", "/api/v1/campaigns/" + active + "/activity", batch,
                        key("batch", run));
                assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(200);
                assertThat(recorded.header("Idempotent-Replayed")).as("never committed: run now").isNull();
                assertThat(recorded.body().path("accepted").asInt()).isEqualTo(20);
                HttpApi.Reply again = api.send("POST", "/api/v1/campaigns", answeredBody, key("answered", run));
                assertThat(again.status()).isEqualTo(201);
                assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(again.text("id")).isEqualTo(answered.text("id"));
                assertThat(api.send("POST", "/api/v1/campaigns", createBody, key("create", run)).text("id"))
                        .isEqualTo(created.text("id"));
            }
            assertThat(createdNamed(db, "In flight at the kill " + run)).isEqualTo(1);
            assertThat(createdNamed(db, "Answered before the kill " + run)).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM activity_record WHERE record_id LIKE 'crash-" + run + "-%'"))
                    .as("each record kept once").isEqualTo(20);
        }
    }

    private static Map<String, String> key(String name, String run) {
        return Map.of("Idempotency-Key", name + "-" + run);
    }

    private static List<Map<String, Object>> records(String run) {
        List<Map<String, Object>> records = new ArrayList<>();
        String at = Instant.now().toString();
        for (int r = 0; r < 20; r++) {
            records.add(Map.of("recordId", "crash-" + run + "-" + r, "type", "MESSAGE_SENT", "at", at,
                    "contactId", "contact-" + r));
        }
        return records;
    }

    private static void awaitCount(Connection db, String sql, long expected, String what) throws Exception {
        await(db, sql, count -> count >= expected, what);
    }

    private static void awaitNone(Connection db, String sql, String what) throws Exception {
        await(db, sql, count -> count == 0, what);
    }

    private static void await(Connection db, String sql, LongPredicate done, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.test(count(db, sql))) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long createdNamed(Connection db, String name) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM DomainEventEntry "
                + "WHERE payloadType LIKE '%$Created' AND convert_from(payload, 'UTF8') LIKE ?")) {
            query.setString(1, "%\"" + name + "\"%");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The pids {@code sql} selects, joined by commas. */
    private static String pids(Connection db, String sql) throws Exception {
        List<String> pids = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            while (rs.next()) {
                pids.add(Integer.toString(rs.getInt(1)));
            }
        }
        return String.join(",", pids);
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
