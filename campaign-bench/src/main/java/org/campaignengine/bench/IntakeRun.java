package org.campaignengine.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activity at volume: one launched campaign takes {@code batches} batches of 10,000 records (a tenth of
 * each batch repeats ids of the batch before, as a re-sending service would), posted back to back. The
 * request bodies are written before the clock starts.
 */
final class IntakeRun {

    record Result(String campaignId, long accepted, long duplicates, double seconds) {
        double perSecond() {
            return (accepted + duplicates) / seconds;
        }
    }

    private final HttpApi api;

    IntakeRun(HttpApi api) {
        this.api = api;
    }

    Result run(int batches) throws Exception {
        return run("Bench intake", batches, BenchSize.BATCH);
    }

    /** {@code batches} batches of {@code perBatch} records to a new launched campaign named {@code name}. */
    Result run(String name, int batches, int perBatch) throws Exception {
        String id = launchedCampaign(name);
        List<byte[]> bodies = new ArrayList<>();
        Instant at = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
        for (int b = 0; b < batches; b++) {
            List<Map<String, Object>> records = new ArrayList<>(perBatch);
            for (int i = 0; i < perBatch; i++) {
                boolean repeat = b > 0 && i < perBatch / 10;
                int n = repeat ? (b - 1) * perBatch + perBatch - 1 - i : b * perBatch + i;
                records.add(record(n, at.plusSeconds(n % 3600)));
            }
            bodies.add(HttpApi.JSON.writeValueAsBytes(Map.of("records", records)));
        }
        long accepted = 0;
        long duplicates = 0;
        long start = System.nanoTime();
        for (byte[] body : bodies) {
            HttpApi.Reply reply = api.postJson("/api/v1/campaigns/" + id + "/activity", body);
            if (reply.status() != 200) {
                throw new IllegalStateException("activity answered " + reply.status() + ": " + reply.body());
            }
            accepted += reply.body().path("accepted").asLong();
            duplicates += reply.body().path("duplicates").asLong();
        }
        return new Result(id, accepted, duplicates, BenchDatabase.seconds(start));
    }

    /** Contacts are messaged, the message delivered, a third of them reply. */
    private static Map<String, Object> record(int n, Instant at) {
        String type = switch (n % 3) {
            case 0 -> "MESSAGE_SENT";
            case 1 -> "MESSAGE_DELIVERED";
            default -> "REPLY_RECEIVED";
        };
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordId", "bench-" + n);
        record.put("type", type);
        record.put("at", at.toString());
        record.put("contactId", "contact-" + n / 3);
        record.put("messageId", "message-" + n / 3);
        return record;
    }

    /** Launch-ready SMS settings, open all day in UTC, for a contact list of {@code contacts}. */
    static Map<String, Object> readySettings(int contacts) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("contactList", Map.of("id", "bench", "name", "Bench contacts", "size", contacts));
        settings.put("initialMessage", "Hello from the bench");
        settings.put("startAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        settings.put("endAt", Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        settings.put("timeZone", "UTC");
        settings.put("openHours", Map.of("from", "00:00", "to", "23:59"));
        settings.put("areaCodes", List.of("212"));
        return settings;
    }

    private String launchedCampaign(String name) throws Exception {
        HttpApi.Reply created = api.post("/api/v1/campaigns", Map.of("name", name, "channel", "SMS",
                "office", "office-0", "settings", readySettings(1_000_000)));
        String id = created.text("id");
        api.post("/api/v1/campaigns/" + id + "/launch", null);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"ACTIVE".equals(api.get("/api/v1/campaigns/" + id).text("status"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bench campaign did not launch");
            }
            Thread.sleep(100);
        }
        return id;
    }
}
