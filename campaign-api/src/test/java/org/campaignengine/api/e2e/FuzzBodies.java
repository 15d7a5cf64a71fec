package org.campaignengine.api.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.campaignengine.api.e2e.BadInputs.Value;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every request body of the API, each as a valid template and the list of its text, time and cost fields,
 * with the name a 400 gives each field. Free-text fields (a reason, a message, a script) take tab and line
 * breaks, so those are not sent to them as bad input.
 */
final class FuzzBodies {

    record Field(String path, String reported, boolean freeText, List<Value> values) {
    }

    /** A request; {@code acceptedAsIs}: its template is sent once as it is, to show it is valid. */
    record Body(String method, String path, JsonNode template, boolean acceptedAsIs, List<Field> fields) {
    }

    private static final List<String> SETTINGS_TEXTS = List.of("name", "office", "tags[0]", "contactList.id",
            "contactList.name", "initialMessage", "script", "timeZone", "openHours.from", "areaCodes[0]",
            "phoneNumberMode", "reusableNumber", "operatedBy", "type", "senderId", "variants[0].message", "useCaseId");
    private static final List<String> RECORD_TEXTS = List.of("recordId", "type", "contactId", "contactName", "phone",
            "messageId", "reason", "callerId", "tags[0]", "operatedBy");
    private static final Set<String> FREE_TEXT = Set.of("initialMessage", "script", "variants[0].message", "reason",
            "message");

    private FuzzBodies() {
    }

    static List<Body> all(String draft, String active, Instant now) {
        String campaigns = "/api/v1/campaigns";
        Map<String, Object> settings = settings(now);
        Map<String, Object> create = new LinkedHashMap<>(Map.of("name", "Fuzz create", "channel", "SMS",
                "office", "north", "tags", List.of("fuzz"), "settings", settings));
        List<Field> createFields = new ArrayList<>(texts("", List.of("name", "office", "tags[0]", "channel")));
        createFields.addAll(texts("settings.", SETTINGS_TEXTS));
        createFields.addAll(times("settings.", List.of("startAt", "endAt")));
        List<Field> patchFields = new ArrayList<>(texts("", SETTINGS_TEXTS));
        patchFields.addAll(times("", List.of("startAt", "endAt", "launchAt")));
        List<Field> recordFields = new ArrayList<>(texts("records[1].", RECORD_TEXTS));
        recordFields.addAll(times("records[1].", List.of("at")));
        recordFields.add(new Field("records[1].costMicros", "records[1].costMicros", false, BadInputs.COSTS));
        Map<String, Object> account = Map.of("username", "fuzz-" + UUID.randomUUID().toString().substring(0, 8),
                "password", "twelve chars or more", "roles", List.of("MANAGER"), "offices", List.of("north"));
        return List.of(
                new Body("POST", campaigns, json(create), true, createFields),
                new Body("PATCH", campaigns + "/" + draft, json(settings), true, patchFields),
                new Body("POST", campaigns + "/" + draft + "/schedule",
                        json(Map.of("launchAt", now.plus(Duration.ofDays(1)).toString())), false,
                        times("", List.of("launchAt"))),
                new Body("POST", campaigns + "/" + draft + "/clone", json(Map.of("name", "Fuzz clone")), true,
                        texts("", List.of("name"))),
                new Body("POST", campaigns + "/" + active + "/suspend", json(Map.of("reason", "carrier audit")), false,
                        texts("", List.of("reason"))),
                new Body("POST", campaigns + "/" + active + "/error",
                        json(Map.of("code", "E1", "message", "went wrong")), false, texts("", List.of("code", "message"))),
                new Body("POST", campaigns + "/" + active + "/activity", json(Map.of("records", records(now))), true,
                        recordFields),
                new Body("POST", "/api/v1/users", json(account), true,
                        texts("", List.of("username", "password", "roles[0]", "offices[0]"))));
    }

    private static Map<String, Object> settings(Instant now) {
        Map<String, Object> settings = new LinkedHashMap<>(Campaigns.readySettings("SMS", List.of("212")));
        settings.putAll(Map.of("name", "Fuzz settings", "office", "north", "tags", List.of("s"),
                "script", "Hello", "phoneNumberMode", "SINGLE_USE", "reusableNumber", "+14155550100",
                "operatedBy", "AGENT", "type", "OUTBOUND_ONLY", "senderId", "Fuzz", "useCaseId", "uc-1"));
        settings.put("variants", List.of(Map.of("message", "Hi there", "ratio", 100)));
        settings.put("startAt", now.toString());
        return settings;
    }

    private static List<Map<String, Object>> records(Instant now) {
        Map<String, Object> full = new LinkedHashMap<>();
        full.putAll(Map.of("recordId", "fuzz-full", "type", "MESSAGE_SENT", "at", now.toString(), "contactId", "c-fuzz",
                "contactName", "Ann Lee", "phone", "+14155550101", "messageId", "m-fuzz", "reason", "none",
                "costMicros", 5, "callerId", "caller-1"));
        full.put("tags", List.of("t"));
        full.put("operatedBy", "AGENT");
        return List.of(Map.of("recordId", "fuzz-plain", "type", "LINK_CLICKED", "at", now.toString(),
                "contactId", "c-fuzz"), full);
    }

    /** Text fields under {@code prefix}; the 400 names settings fields without their {@code settings.} prefix. */
    private static List<Field> texts(String prefix, List<String> paths) {
        return paths.stream().map(path -> new Field(prefix + path, reported(prefix, path),
                FREE_TEXT.contains(path), BadInputs.TEXTS)).toList();
    }

    private static List<Field> times(String prefix, List<String> paths) {
        return paths.stream().map(path -> new Field(prefix + path, reported(prefix, path), false, BadInputs.TIMES))
                .toList();
    }

    private static String reported(String prefix, String path) {
        return prefix.equals("settings.") ? path : prefix + path;
    }

    private static JsonNode json(Object body) {
        return EngineClient.JSON.valueToTree(body);
    }
}
