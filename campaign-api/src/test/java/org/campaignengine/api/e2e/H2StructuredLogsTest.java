package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code json-logs} profile: the console writes one JSON object a line, and the lines logged while a request's
 * command and the events it caused are handled carry its request id, with the command's or the event's id.
 */
class H2StructuredLogsTest {

    @Test
    void lines_logged_for_a_request_its_command_and_its_events_carry_the_request_id() {
        PrintStream console = System.out;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(console, seen), true, StandardCharsets.UTF_8));
        // an engine of an earlier suite in this JVM (Spring keeps test contexts) set up the logging already, and
        // Spring Boot sets it up once per JVM: let this engine set it up under its profile, and undo that after
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.cleanUp();
        try (EngineNodes nodes = new EngineNodes("jdbc:h2:mem:json-logs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "json-logs").with("logging.level.org.campaignengine.api.engine.LoggingContext", "DEBUG")) {
            EngineClient admin = EngineNodes.client(nodes.start());
            String requestId = "json-logs-" + UUID.randomUUID();
            Reply created = admin.send("POST", "/api/v1/campaigns", Campaigns.readySms("Logged"),
                    Map.of("X-Request-Id", requestId));
            assertThat(created.status()).isEqualTo(201);

            await("the command's and the events' lines").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<JsonNode> lines = jsonLines(seen, requestId);
                assertThat(lines).anyMatch(line -> line.hasNonNull("commandId"));
                assertThat(lines).anyMatch(line -> line.hasNonNull("eventId")
                        && "status-index".equals(line.path("processor").asText()));
            });
        } finally {
            System.setOut(console);
            logging.cleanUp();
            logging.beforeInitialize();
            logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
        }
    }

    private static List<JsonNode> jsonLines(ByteArrayOutputStream seen, String requestId) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        String text;
        synchronized (seen) {
            text = seen.toString(StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("{") && line.contains(requestId)) {
                JsonNode json = EngineClient.JSON.readTree(line);
                assertThat(json.path("requestId").asText()).isEqualTo(requestId);
                assertThat(json.has("@timestamp")).isTrue();
                lines.add(json);
            }
        }
        return lines;
    }

    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }
    }
}
