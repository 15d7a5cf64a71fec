package org.campaignengine.api.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** A client of the engine's HTTP API, as a backend service or dashboard would call it. */
public final class EngineClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String authorization;

    public EngineClient(int port, String user, String password) {
        this("http://127.0.0.1:" + port, user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private EngineClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public EngineClient anonymous() {
        return new EngineClient(baseUrl, null);
    }

    /** The same engine with another Authorization header, e.g. a bearer token. */
    public EngineClient withAuthorization(String header) {
        return new EngineClient(baseUrl, header);
    }

    public record Reply(int status, JsonNode body, Map<String, String> headers) {

        public String text(String field) {
            return body.path(field).asText(null);
        }

        public long version() {
            return body.path("version").asLong(-1);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Reply post(String path) {
        return send("POST", path, null, Map.of());
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Reply send(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            if (path.startsWith("/api/v1/stream")) {
                return openStream(request.build());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(true)
                    && !response.headers().firstValue("Content-Type").orElse("").contains("ndjson");
            JsonNode json = response.body().isBlank() ? MissingNode.getInstance()
                    : isJson ? JSON.readTree(response.body()) : TextNode.valueOf(response.body());
            Map<String, String> names = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> names.put(name.toLowerCase(), values.get(0)));
            return new Reply(response.statusCode(), json, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A stream never ends by itself: its answer is taken as soon as its headers arrive (an error's body,
     * which does end, is read whole) and the connection is then closed.
     */
    private static Reply openStream(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            String text = response.statusCode() == 200 ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> names = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> names.put(name.toLowerCase(), values.get(0)));
            return new Reply(response.statusCode(), text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text),
                    names);
        }
    }

    /** The campaign as the read side shows it once it has caught up with {@code version}. */
    public Reply campaign(String id, long version) {
        return get("/api/v1/campaigns/" + id + "?minVersion=" + version);
    }

    /** Polls the campaign (bounded) until it satisfies {@code condition}: for outcomes the engine reaches on its own. */
    public Reply awaitCampaign(String id, Duration atMost, Predicate<Reply> condition) {
        Reply[] last = new Reply[1];
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
                last[0] = get("/api/v1/campaigns/" + id);
                return last[0].status() == 200 && condition.test(last[0]);
            });
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError(stateOf(id, atMost, last[0]), timeout);
        }
        return last[0];
    }

    /**
     * What a wait that ran out saw, so that a failure says where the engine stood: the campaign's status as last
     * read, its stored events' types, and each event processor's state, position, lag and error (or the engine's
     * answer where it gave none of these: a 403 for an account without the rights, say).
     */
    private String stateOf(String id, Duration atMost, Reply last) {
        return "campaign " + id + " did not reach the awaited state within " + atMost
                + "\n  last read: " + (last == null ? "none" : last.status() + " status " + last.text("status")
                        + " version " + last.version() + " reason " + last.text("statusReason"))
                + "\n  history: " + describe("/api/v1/campaigns/" + id + "/history",
                        event -> event.path("type").asText())
                + "\n  processors: " + describe("/api/v1/admin/processors", EngineClient::processorState);
    }

    /** A processor's state, position and lag, and its error and each segment's, where there is one. */
    private static String processorState(JsonNode processor) {
        StringBuilder state = new StringBuilder(processor.path("name").asText()).append(' ')
                .append(processor.path("state").asText()).append(" at ").append(processor.path("position").asText())
                .append(" lag ").append(processor.path("lag").asText());
        if (processor.hasNonNull("error")) {
            state.append(" error ").append(processor.get("error"));
        }
        processor.path("segments").forEach(segment -> {
            if (segment.hasNonNull("error")) {
                state.append(" segment ").append(segment.path("segment").asText()).append(" error ")
                        .append(segment.get("error"));
            }
        });
        return state.toString();
    }

    /** Each item of the list at {@code path}, described by {@code each}; or the engine's answer if not a list. */
    private String describe(String path, Function<JsonNode, String> each) {
        try {
            Reply reply = get(path);
            if (reply.status() != 200 || !reply.body().isArray()) {
                return reply.status() + " " + reply.body();
            }
            List<String> items = new ArrayList<>();
            reply.body().forEach(item -> items.add(each.apply(item)));
            return String.join(", ", items);
        } catch (RuntimeException failed) {
            return "could not be read: " + failed;
        }
    }

    /** A launch-ready SMS campaign created, launched and awaited until ACTIVE: its id. */
    public String activeSms(String name) {
        Reply created = post("/api/v1/campaigns", Campaigns.readySms(name));
        if (created.status() != 201) {
            throw new IllegalStateException("creating " + name + " answered " + created.status() + ": " + created.body());
        }
        String id = created.text("id");
        Reply launched = post("/api/v1/campaigns/" + id + "/launch");
        if (launched.status() != 202) {
            throw new IllegalStateException("launching " + name + " answered " + launched.status() + ": " + launched.body());
        }
        awaitStatus(id, "ACTIVE");
        return id;
    }

    public Reply awaitStatus(String id, String status) {
        return awaitCampaign(id, Duration.ofSeconds(20), r -> status.equals(r.text("status")));
    }
}
