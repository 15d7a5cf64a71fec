package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.record;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.campaignengine.domain.campaign.CampaignCommand.RecordActivity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit trail and exports under concurrent writers whose commits land out of order: every second
 * activity batch holds its transaction open for a while after its events took their global positions, so
 * newer events commit first and the processors meet gaps that fill late. Every export must hold exactly
 * its campaign's acknowledged records, none twice and none of another campaign, while the writers run and
 * after; the trail must list every stored event at its own position.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD})
@Import(ConcurrentAuditScenarios.LateCommits.class)
abstract class ConcurrentAuditScenarios {

    private static final int WRITERS = 8;
    private static final int BATCHES = 8;
    private static final int RECORDS = 200;

    /** Holds every second activity command's transaction open after its events are appended, for 50-300 ms. */
    @TestConfiguration
    static class LateCommits {

        static final AtomicInteger HELD = new AtomicInteger();

        @Bean
        Registration lateCommits(CommandBus commands) {
            AtomicInteger seen = new AtomicInteger();
            MessageHandlerInterceptor<CommandMessage<?>> late = (unitOfWork, chain) -> {
                Object result = chain.proceed();
                if (unitOfWork.getMessage().getPayload() instanceof RecordActivity && seen.incrementAndGet() % 2 == 0) {
                    // registered after the handler ran, so it runs after the events were appended, before the commit
                    unitOfWork.onPrepareCommit(u -> {
                        HELD.incrementAndGet();
                        pause(Duration.ofMillis(ThreadLocalRandom.current().nextInt(50, 300)));
                    });
                }
                return result;
            };
            return commands.registerHandlerInterceptor(late);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void every_export_holds_exactly_its_campaigns_acknowledged_records_while_commits_land_out_of_order()
            throws Exception {
        EngineClient admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<Map.Entry<String, List<String>>>> written = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            written.add(writers.submit(() -> write(admin, writer)));
        }
        Map<String, List<String>> acknowledged = new HashMap<>();
        for (Future<Map.Entry<String, List<String>>> campaign : written) {
            Map.Entry<String, List<String>> done = campaign.get();
            acknowledged.put(done.getKey(), done.getValue());
        }
        writers.shutdown();
        assertThat(LateCommits.HELD.get()).as("commits held back").isGreaterThanOrEqualTo(WRITERS * BATCHES / 2 - 1);

        // settled: every event listed, and every segment's token past the last one
        JsonNode trail = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> admin.get("/api/v1/audit/verify").body(), report -> report.path("trail").path("pending")
                        .asLong() == 0 && report.path("trail").path("checkedUpTo").asLong() == report.path("trail")
                        .path("lastStored").asLong());
        assertThat(trail.path("trail").path("matches").asBoolean()).as(trail.toString()).isTrue();
        assertThat(trail.path("trail").path("missing").asLong()).isZero();
        assertThat(trail.path("trail").path("misplaced").asLong()).isZero();
        assertThat(trail.path("trail").path("events").asLong()).isEqualTo(trail.path("trail").path("storeEvents").asLong());
        assertThat(trail.path("verified").asBoolean()).as(trail.toString()).isTrue();

        for (Map.Entry<String, List<String>> campaign : acknowledged.entrySet()) {
            assertThat(exported(admin, campaign.getKey())).as("export of " + campaign.getKey())
                    .containsExactlyInAnyOrderElementsOf(campaign.getValue());
        }
    }

    /** One writer: a campaign of its own, its batches posted one after another, an export read between them. */
    private Map.Entry<String, List<String>> write(EngineClient admin, int writer) {
        String id = admin.activeSms("Concurrent canvass " + writer);
        List<String> acknowledged = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                records.add(record(id + "-" + b + "-" + i, "MESSAGE_SENT"));
            }
            Reply sent = admin.post("/api/v1/campaigns/" + id + "/activity", Map.of("records", records));
            assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
            assertThat(sent.body().path("accepted").asInt()).isEqualTo(RECORDS);
            records.forEach(r -> acknowledged.add((String) r.get("recordId")));
            // while others write: only this campaign's records, each once, and none it did not acknowledge
            assertThat(exported(admin, id)).doesNotHaveDuplicates().isSubsetOf(acknowledged);
        }
        return Map.entry(id, acknowledged);
    }

    /** The record ids of a campaign's export, read to its end. */
    private static List<String> exported(EngineClient client, String id) {
        Reply export = client.get("/api/v1/campaigns/" + id + "/export?format=jsonl");
        assertThat(export.status()).isEqualTo(200);
        List<String> records = new ArrayList<>();
        for (String line : export.body().asText().split("\n")) {
            JsonNode read = read(line);
            if (read.path("kind").asText().equals("activity")) {
                records.add(read.path("record").path("recordId").asText());
            } else {
                assertThat(read.path("kind").asText()).isEqualTo("event");
            }
        }
        return records;
    }

    private static JsonNode read(String line) {
        try {
            return EngineClient.JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("an export line is not JSON: " + line, e);
        }
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
