package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.campaignengine.testsupport.MultiProcess;
import org.junit.jupiter.api.Test;

/**
 * The engine stopped as a service manager, {@code docker stop} or {@code mvn spring-boot:run} stops it:
 * SIGTERM to its own JVM. Its live streams end first, cleanly, telling their clients to reconnect; a
 * stream whose client came and went holds nothing up; the web server's graceful shutdown finds no request
 * left, the event processors stop, and the process exits with 0 well within the shutdown phase's 10 s.
 * What it accepted before the signal is there when it starts again on the same store.
 */
@MultiProcess
class EngineStopTest {

    private static final Duration STOPS_WITHIN = Duration.ofSeconds(10);
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Test
    void sigterm_ends_the_live_streams_and_the_engine_exits_cleanly_within_ten_seconds_keeping_what_it_accepted()
            throws Exception {
        Path store = Path.of("target", "e2e-h2", UUID.randomUUID().toString());
        String accepted;
        try (EngineJvm engine = EngineJvm.start(store)) {
            streamThenLeave(engine.port());
            try (ServerSentEvents first = new ServerSentEvents(engine.port(), "admin", EngineScenarios.PASSWORD);
                 ServerSentEvents second = new ServerSentEvents(engine.port(), "admin", EngineScenarios.PASSWORD)) {
                assertThat(first.next(AT_MOST, e -> e.name().equals("ready"))).isNotNull();
                assertThat(second.next(AT_MOST, e -> e.name().equals("ready"))).isNotNull();

                EngineClient.Reply created = engine.client().post("/api/v1/campaigns", readySms("Accepted before the stop"));
                assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
                accepted = created.text("id");
                assertThat(first.next(AT_MOST, e -> e.name().equals("campaign") && e.data().contains(accepted)))
                        .as("the streams are live when the signal comes").isNotNull();

                engine.terminate();
                Integer exit = engine.exitWithin(STOPS_WITHIN);
                assertThat(exit).as("exit status within %s; see %s", STOPS_WITHIN, engine.logFile()).isEqualTo(0);
                assertThat(first.ended()).as("the response ended, the connection did not just break")
                        .succeedsWithin(Duration.ofSeconds(5));
                assertThat(second.ended()).succeedsWithin(Duration.ofSeconds(5));
                assertThat(first.retry()).as("the client is told to reconnect soon").isEqualTo("1000");
            }
            String log = engine.log();
            assertThat(log).contains("Graceful shutdown complete").doesNotContain("Graceful shutdown aborted");
            String stopping = log.substring(log.indexOf("Commencing graceful shutdown"));
            assertThat(stopping).as("the stop logs no error").doesNotContain(" ERROR ")
                    .contains("Stopping PooledStreamingEventProcessor [status-index]")
                    .contains("HikariPool-1 - Shutdown completed");
        }

        try (EngineJvm restarted = EngineJvm.start(store)) {
            EngineClient.Reply kept = restarted.client().campaign(accepted, 0);
            assertThat(kept.status()).as(kept.body().toString()).isEqualTo(200);
            assertThat(kept.text("name")).isEqualTo("Accepted before the stop");
        }
    }

    /** A client opens a stream, reads its {@code ready} event and goes away, closing its connection. */
    private static void streamThenLeave(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout((int) AT_MOST.toMillis());
            String basic = Base64.getEncoder().encodeToString(("admin:" + EngineScenarios.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: Basic " + basic + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder seen = new StringBuilder();
            byte[] chunk = new byte[4096];
            while (seen.indexOf("bufferSize") < 0) {
                int read = in.read(chunk);
                assertThat(read).as("the stream's ready event before the connection ends").isPositive();
                seen.append(new String(chunk, 0, read, StandardCharsets.US_ASCII));
            }
        }
    }
}
