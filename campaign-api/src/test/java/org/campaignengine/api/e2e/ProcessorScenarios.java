package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The processors' status and the operator's moves of segments (split, merge, release) on engine nodes sharing
 * one store, and readiness that waits for the read models: subclasses choose the store.
 */
abstract class ProcessorScenarios {

    static final String CAMPAIGNS = "/api/v1/campaigns";
    static final String PROCESSORS = "/api/v1/admin/processors";
    static final String STATUS_INDEX = PROCESSORS + "/status-index";

    abstract EngineNodes nodes();

    @Test
    void each_segment_is_held_by_one_node_and_a_release_lets_the_other_node_take_it() {
        try (EngineNodes nodes = nodes()) {
            EngineClient a = EngineNodes.client(nodes.start());
            String nodeA = a.get(STATUS_INDEX).text("node");
            await("node A claims every segment").atMost(Duration.ofSeconds(30))
                    .until(() -> heldHere(a.get(STATUS_INDEX).body()).equals(List.of(0, 1)));

            // alone, node A splits a segment and merges it back
            Reply split = a.post(STATUS_INDEX + "/segments/0/split");
            assertThat(split.status()).as(split.body().toString()).isEqualTo(200);
            assertThat(segmentIds(split.body().path("status"))).containsExactly(0, 1, 2);
            Reply merged = a.post(STATUS_INDEX + "/segments/0/merge");
            assertThat(merged.status()).as(merged.body().toString()).isEqualTo(200);
            assertThat(segmentIds(merged.body().path("status"))).containsExactly(0, 1);

            EngineClient b = EngineNodes.client(nodes.start());
            String nodeB = b.get(STATUS_INDEX).text("node");
            assertThat(nodeB).isNotEqualTo(nodeA);
            await("every segment of every processor held by exactly one node").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> heldByExactlyOne(a.get(PROCESSORS).body(), b.get(PROCESSORS).body()));

            Reply released = a.post(STATUS_INDEX + "/segments/1/release");
            assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
            assertThat(heldHere(released.body().path("status"))).doesNotContain(1);
            await("node B takes the released segment").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode seenByB = b.get(STATUS_INDEX).body();
                assertThat(heldHere(seenByB)).contains(1);
                assertThat(owner(a.get(STATUS_INDEX).body(), 1)).isEqualTo(nodeB);
            });
            heldByExactlyOne(a.get(PROCESSORS).body(), b.get(PROCESSORS).body());

            Reply notHere = a.post(STATUS_INDEX + "/segments/1/release");
            assertThat(notHere.status()).isEqualTo(409);
            assertThat(notHere.text("type")).isEqualTo("urn:campaign-engine:problem:segment-refused");
            assertThat(notHere.text("owner")).isEqualTo(nodeB);
            Reply siblingElsewhere = a.post(STATUS_INDEX + "/segments/0/merge");
            assertThat(siblingElsewhere.status()).isEqualTo(409);
            assertThat(siblingElsewhere.text("detail")).contains(nodeB);
            Reply unknown = a.post(PROCESSORS + "/no-such-processor/segments/0/release");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.text("type")).isEqualTo("urn:campaign-engine:problem:unknown-event-processor");
            assertThat(unknown.body().path("processors").toString()).contains("status-index");
            Reply noSegment = a.post(STATUS_INDEX + "/segments/7/split");
            assertThat(noSegment.status()).isEqualTo(404);
            assertThat(noSegment.text("type")).isEqualTo("urn:campaign-engine:problem:unknown-segment");

            // the events still reach the read model, whichever node holds which half
            for (int i = 0; i < 4; i++) {
                Reply created = a.post(CAMPAIGNS, Campaigns.readySms("Shared segments " + i));
                assertThat(created.status()).isEqualTo(201);
                assertThat(b.get(CAMPAIGNS + "/" + created.text("id") + "?minVersion=0").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void a_node_whose_read_model_is_behind_is_not_ready_until_it_has_caught_up() {
        try (EngineNodes nodes = nodes().with("campaign.health.max-read-model-lag", 5)) {
            ConfigurableApplicationContext node = nodes.start();
            EngineClient admin = EngineNodes.client(node);
            EngineClient anonymous = admin.anonymous();
            await("ready").atMost(Duration.ofSeconds(30))
                    .until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
            for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
                JsonNode seen = anonymous.get(probe).body();
                assertThat(seen.has("components")).as(probe + " " + seen).isFalse();
                assertThat(seen.has("details")).as(probe + " " + seen).isFalse();
            }
            JsonNode details = admin.get("/actuator/health/readiness").body();
            assertThat(details.path("components").path("readModels").path("details").path("maxLag").asLong())
                    .as(details.toString()).isEqualTo(5);
            assertThat(details.path("components").has("databaseReadiness")).isTrue();

            // the status index is held while campaigns are made: it falls behind
            EventProcessor statusIndex = node.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("status-index").orElseThrow();
            assertThat(statusIndex.getHandlerInterceptors()).as("lines logged by its handlers carry the event's id")
                    .anyMatch(interceptor -> interceptor.getClass().getSimpleName().equals("LoggingContext"));
            assertThat(statusIndex).isInstanceOfSatisfying(AbstractEventProcessor.class, processor ->
                    assertThat(processor.eventHandlerInvoker().getClass().getSimpleName())
                            .as("its handlers' fixed answers are remembered").isEqualTo("RememberingEventHandlerInvoker"));
            statusIndex.shutDown();
            for (int i = 0; i < 8; i++) {
                assertThat(admin.post(CAMPAIGNS, Campaigns.readySms("Behind " + i)).status()).isEqualTo(201);
            }
            await("not ready while behind").atMost(Duration.ofSeconds(10))
                    .until(() -> anonymous.get("/actuator/health/readiness").status() == 503);
            Reply behind = anonymous.get("/actuator/health/readiness");
            assertThat(behind.text("status")).isEqualTo("OUT_OF_SERVICE");
            assertThat(behind.body().has("components")).isFalse();
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
            JsonNode stopped = admin.get(STATUS_INDEX).body();
            assertThat(stopped.path("state").asText()).isEqualTo("STOPPED");
            assertThat(stopped.path("lag").asLong()).isGreaterThanOrEqualTo(8);
            // the health measures in the background, once a second: it reaches the same lag within a measure or two
            await("the health's lag").atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(admin.get("/actuator/health/readiness").body().path("components").path("readModels")
                            .path("details").path("readModels").path("status-index").path("lag").asLong())
                            .isGreaterThanOrEqualTo(8));

            statusIndex.start();
            await("ready once caught up").atMost(Duration.ofSeconds(30))
                    .until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
            JsonNode running = admin.get(STATUS_INDEX).body();
            assertThat(running.path("state").asText()).isEqualTo("RUNNING");
            assertThat(running.path("lag").asLong()).isLessThanOrEqualTo(5);
        }
    }

    private static void heldByExactlyOne(JsonNode seenByA, JsonNode seenByB) {
        assertThat(seenByA.size()).isEqualTo(seenByB.size()).isGreaterThan(3);
        for (int p = 0; p < seenByA.size(); p++) {
            JsonNode fromA = seenByA.get(p);
            JsonNode fromB = seenByB.get(p);
            assertThat(fromA.path("name").asText()).isEqualTo(fromB.path("name").asText());
            assertThat(fromA.path("segments").size()).as(fromA.toString()).isPositive();
            for (int s = 0; s < fromA.path("segments").size(); s++) {
                JsonNode segmentA = fromA.path("segments").get(s);
                JsonNode segmentB = fromB.path("segments").get(s);
                String what = fromA.path("name").asText() + " segment " + segmentA.path("segment").asInt();
                assertThat(segmentA.path("heldHere").asBoolean() ^ segmentB.path("heldHere").asBoolean())
                        .as(what + " held by exactly one node: " + segmentA + " / " + segmentB).isTrue();
                String holder = segmentA.path("heldHere").asBoolean() ? fromA.path("node").asText()
                        : fromB.path("node").asText();
                assertThat(segmentA.path("owner").asText()).as(what).isEqualTo(holder);
                assertThat(segmentB.path("owner").asText()).as(what).isEqualTo(holder);
            }
        }
    }

    private static List<Integer> heldHere(JsonNode processor) {
        List<Integer> held = new ArrayList<>();
        processor.path("segments").forEach(s -> {
            if (s.path("heldHere").asBoolean()) {
                held.add(s.path("segment").asInt());
            }
        });
        return held;
    }

    private static List<Integer> segmentIds(JsonNode processor) {
        List<Integer> ids = new ArrayList<>();
        processor.path("segments").forEach(s -> ids.add(s.path("segment").asInt()));
        return ids;
    }

    private static String owner(JsonNode processor, int segment) {
        for (JsonNode s : processor.path("segments")) {
            if (s.path("segment").asInt() == segment) {
                return s.path("owner").asText();
            }
        }
        return null;
    }
}
