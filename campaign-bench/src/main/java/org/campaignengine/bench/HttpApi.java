package org.campaignengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's HTTP API as the bench calls it: JSON in and out, Basic credentials. */
final class HttpApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode body, HttpHeaders headers) {
        String text(String field) {
            return body.path(field).asText(null);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final int port;
    private final String base;
    private final String authorization;

    HttpApi(int port, String user, String password) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A connection of its own to the same service with the same credentials, for load ({@link RawConnection}). */
    RawConnection connection() {
        return new RawConnection(port, authorization);
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    /** A file the engine serves (HTML, CSS, a script): its status and how many bytes came, not parsed. */
    int getFile(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length == 0) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    /** Sends a body already written as JSON, so serialising it is not part of what is measured. */
    Reply postJson(String path, byte[] json) throws IOException, InterruptedException {
        return exchange(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .header("Content-Type", "application/json"));
    }

    Reply send(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, body, Map.of());
    }

    /** With request headers of the caller's, e.g. an {@code Idempotency-Key}. */
    Reply send(String method, String path, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        HttpRequest.Builder request = request(path).method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return exchange(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Reply exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = response.body().length == 0 ? JSON.missingNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body, response.headers());
    }
}
