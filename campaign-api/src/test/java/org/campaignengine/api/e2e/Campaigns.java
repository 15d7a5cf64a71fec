package org.campaignengine.api.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Request bodies for launch-ready campaigns, so each scenario states only what it is about. */
public final class Campaigns {

    private Campaigns() {
    }

    public static Map<String, Object> readySettings(String channel, List<String> areaCodes) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("contactList", Map.of("id", "list-1", "name", "Volunteers", "size", 250));
        if ("SMS".equals(channel)) {
            settings.put("initialMessage", "Hi {firstName}, can we count on you this Saturday?");
        } else {
            settings.put("script", "Hello, this is a call about Saturday's event.");
        }
        settings.put("startAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        settings.put("endAt", Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        settings.put("timeZone", "UTC");
        settings.put("openHours", Map.of("from", "00:00", "to", "23:59"));
        settings.put("areaCodes", areaCodes);
        return settings;
    }

    public static Map<String, Object> create(String name, String channel, Map<String, Object> settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("channel", channel);
        body.put("office", "north");
        body.put("settings", settings);
        return body;
    }

    public static Map<String, Object> readySms(String name) {
        return create(name, "SMS", readySettings("SMS", List.of("212", "415")));
    }

    public static Map<String, Object> readyVoice(String name) {
        return create(name, "VOICE", readySettings("VOICE", List.of("312")));
    }

    /** {@code count} distinct area codes starting at {@code first}. */
    public static List<String> areaCodes(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(Integer::toString).toList();
    }

    /** One activity record at today's noon UTC, inside the open hours of {@link #readySettings}. */
    public static Map<String, Object> record(String recordId, String type) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordId", recordId);
        record.put("type", type);
        record.put("at", Instant.now().truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS).toString());
        record.put("contactId", "contact-" + recordId);
        return record;
    }
}
