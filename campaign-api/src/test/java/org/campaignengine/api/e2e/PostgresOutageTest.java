package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.campaignengine.api.e2e.EngineClient.Reply;
import org.campaignengine.testsupport.MultiProcess;
import org.campaignengine.testsupport.PrivatePostgres;
import org.campaignengine.testsupport.PrivatePostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The engine on a PostgreSQL of the test's own, which the test crashes under it ({@code pg_ctl stop -m
 * immediate}) and starts again, as an operator's database would fail over. PostgreSQL only: an embedded
 * H2 cannot go away without the engine.
 */
@PrivatePostgresTest
@MultiProcess
class PostgresOutageTest {

    static final String CAMPAIGNS = "/api/v1/campaigns";
    /** The slowest answer allowed while the database is down: the pool's 3 s connection timeout and some slack. */
    static final Duration FAST = Duration.ofSeconds(6);
    static final Duration HEALTH_DOWN_WITHIN = Duration.ofSeconds(5);
    /** Event processors retry with a back-off that doubles up to a minute. */
    static final Duration CATCH_UP = Duration.ofSeconds(90);

    @Test
    void an_outage_is_answered_503_within_seconds_everywhere_and_the_engine_comes_back_by_itself_with_nothing_lost() {
        try (PrivatePostgres database = PrivatePostgres.start()) {
            database.createDatabase("campaigns");
            try (EngineNodes nodes = new EngineNodes(database.jdbcUrl("campaigns"), "postgres")) {
                ConfigurableApplicationContext node = nodes.start();
                EngineClient admin = EngineNodes.client(node);
                boundedWaits(node);
                Map<String, Long> acknowledged = beforeTheOutage(admin);

                database.crash();
                long down = System.nanoTime();
                duringTheOutage(admin, Integer.parseInt(node.getEnvironment().getProperty("local.server.port")), down);

                database.resume();
                afterTheOutage(admin, acknowledged);
            }
        }
    }

    /** The profile's timeouts reach the pool and the driver. */
    private static void boundedWaits(ConfigurableApplicationContext node) {
        assertThat(node.getBean(HikariDataSource.class).getConnectionTimeout()).isEqualTo(3_000);
        Integer socketTimeout = EngineNodes.jdbc(node).execute((ConnectionCallback<Integer>) Connection::getNetworkTimeout);
        assertThat(socketTimeout).as("the driver's socketTimeout, in ms").isEqualTo(75_000);
    }

    /** Campaigns created, one launched with activity: every id with the version its last command answered. */
    private static Map<String, Long> beforeTheOutage(EngineClient admin) {
        assertThat(admin.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        Map<String, Long> acknowledged = new LinkedHashMap<>();
        String active = admin.activeSms("Active before the outage");
        Reply recorded = admin.post(CAMPAIGNS + "/" + active + "/activity", activity());
        assertThat(recorded.body().path("accepted").asInt()).isEqualTo(2);
        acknowledged.put(active, admin.get(CAMPAIGNS + "/" + active).version());
        for (int i = 0; i < 3; i++) {
            Reply created = admin.post(CAMPAIGNS, Campaigns.readySms("Draft before the outage " + i));
            assertThat(created.status()).isEqualTo(201);
            acknowledged.put(created.text("id"), created.version());
        }
        return acknowledged;
    }

    private static void duringTheOutage(EngineClient admin, int port, long down) {
        EngineClient probes = admin.anonymous();
        Timed health = Timed.of(() -> probes.get("/actuator/health"));
        assertThat(health.reply().status()).isEqualTo(503);
        assertThat(health.reply().text("status")).isEqualTo("DOWN");
        assertThat(Duration.ofNanos(System.nanoTime() - down)).as("health says DOWN").isLessThan(HEALTH_DOWN_WITHIN);

        Timed readiness = Timed.of(() -> probes.get("/actuator/health/readiness"));
        assertThat(readiness.reply().status()).isEqualTo(503);
        assertThat(readiness.reply().text("status")).isEqualTo("OUT_OF_SERVICE");
        assertThat(readiness.took()).isLessThan(FAST);
        Timed liveness = Timed.of(() -> probes.get("/actuator/health/liveness"));
        assertThat(liveness.reply().status()).as("the process itself is fine: no restart").isEqualTo(200);
        assertThat(liveness.reply().text("status")).isEqualTo("UP");

        String someCampaign = CAMPAIGNS + "/00000000-0000-0000-0000-000000000000";
        Map<String, Supplier<Reply>> requests = new LinkedHashMap<>();
        requests.put("a command", () -> admin.post(CAMPAIGNS, Campaigns.readySms("Sent during the outage")));
        requests.put("a keyed command", () -> admin.send("POST", CAMPAIGNS, Campaigns.readySms("Keyed during the outage"),
                Map.of("Idempotency-Key", "outage-1")));
        requests.put("a read", () -> admin.get(someCampaign));
        requests.put("a list", () -> admin.get(CAMPAIGNS + "?tab=active"));
        requests.put("credentials never seen (the login throttle reads its table)",
                () -> new EngineClient(port, "never-seen-before", "some password or other").get(CAMPAIGNS));
        requests.put("a wrong password", () -> new EngineClient(port, "admin", "not the password").get(CAMPAIGNS));
        requests.forEach((what, request) -> {
            Timed answered = Timed.of(request);
            Reply reply = answered.reply();
            assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(503);
            assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(reply.text("type")).as(what).isEqualTo("urn:campaign-engine:problem:store-unavailable");
            assertThat(reply.header("Retry-After")).as(what).isEqualTo("5");
            assertThat(answered.took()).as(what).isLessThan(FAST);
        });
        assertThat(probes.get("/actuator/health").status()).as("still down at the end").isEqualTo(503);
    }

    private static void afterTheOutage(EngineClient admin, Map<String, Long> acknowledged) {
        EngineClient probes = admin.anonymous();
        long up = System.nanoTime();
        await("health UP again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> probes.get("/actuator/health").status() == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - up)).as("health UP").isLessThan(Duration.ofSeconds(10));
        assertThat(probes.get("/actuator/health/readiness").status()).isEqualTo(200);

        Reply[] created = new Reply[1];
        await("commands served again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> (created[0] = admin.post(CAMPAIGNS, Campaigns.readySms("After the outage"))).status() == 201);
        String after = created[0].text("id");
        await("read models caught up").atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.campaign(after, created[0].version()).status() == 200);
        assertThat(admin.post(CAMPAIGNS + "/" + after + "/launch").status()).isEqualTo(202);
        admin.awaitCampaign(after, CATCH_UP, r -> "ACTIVE".equals(r.text("status")));

        acknowledged.forEach((id, version) -> {
            Reply kept = admin.campaign(id, version);
            assertThat(kept.status()).as(id).isEqualTo(200);
            assertThat(kept.version()).as(id).isGreaterThanOrEqualTo(version);
        });
        String active = acknowledged.keySet().iterator().next();
        assertThat(admin.get(CAMPAIGNS + "/" + active).text("status")).isEqualTo("ACTIVE");
        Reply resent = admin.post(CAMPAIGNS + "/" + active + "/activity", activity());
        assertThat(resent.body().path("duplicates").asInt()).as("both records were kept").isEqualTo(2);
        await("the hash chain verified and anchored").atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Reply verify = admin.get("/api/v1/audit/verify");
                    assertThat(verify.body().path("verified").asBoolean()).as(verify.body().toString()).isTrue();
                    assertThat(verify.body().path("anchored").asLong()).isEqualTo(verify.body().path("events").asLong());
                });
    }

    private static Map<String, Object> activity() {
        return Map.of("records", List.of(Campaigns.record("r1", "MESSAGE_SENT"), Campaigns.record("r2", "REPLY_RECEIVED")));
    }

    private record Timed(Reply reply, Duration took) {

        static Timed of(Supplier<Reply> request) {
            long started = System.nanoTime();
            Reply reply = request.get();
            return new Timed(reply, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
