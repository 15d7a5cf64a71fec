package org.campaignengine.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.campaignengine.api.web.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAPI description the engine serves at {@code /v3/api-docs}, walked as a client generator would read
 * it: every operation is summarised, described, tagged and lists its refusals; every body has a real
 * schema (no bare object, no map of anything); every refusal is a {@code Problem} whose type URNs are listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + OpenApiContractTest.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:openapi-contract;DB_CLOSE_DELAY=-1"})
class OpenApiContractTest {

    static final String PASSWORD = "openapi-admin-secret";
    static final Set<String> TAGS = Set.of("campaigns", "activity", "read models", "history & audit", "accounts",
            "admin");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    static final List<String> PROBLEM_TYPES = List.of("invalid-input", "lifecycle-conflict", "not-launch-ready",
            "not-found", "not-in-history", "office-not-allowed", "concurrent-change", "batch-too-large",
            "request-too-large", "read-model-behind", "store-unavailable", "node-busy", "internal",
            "no-tamper-evidence", "unknown-dead-letter", "unknown-processor", "unknown-projection",
            "identity-provider-unavailable", "too-many-failed-logins", "no-such-path", "method-not-allowed",
            "unsupported-media-type", "not-acceptable", "request-rejected", "unknown-event-processor",
            "unknown-segment", "segment-refused");

    @LocalServerPort
    int port;

    JsonNode docs;

    @BeforeEach
    void fetch() throws IOException {
        Reply reply = new EngineClient(port, "admin", PASSWORD).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        docs = reply.body();
        Path copy = Path.of("target", "openapi.json");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, EngineClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(docs));
    }

    @Test
    void every_operation_has_a_summary_a_description_a_tag_and_its_refusals() {
        List<String> faults = new ArrayList<>();
        operations((name, operation) -> {
            if (operation.path("summary").asText().isBlank()) {
                faults.add(name + ": no summary");
            }
            if (operation.path("description").asText().isBlank()) {
                faults.add(name + ": no description");
            }
            if (operation.path("tags").size() != 1 || !TAGS.contains(operation.path("tags").get(0).asText())) {
                faults.add(name + ": not in exactly one of the feature tags " + operation.path("tags"));
            }
            List<String> codes = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(code -> code.startsWith("4"))) {
                faults.add(name + ": no 4xx response listed");
            }
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                faults.add(name + ": no success response listed");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().matches("[45]..")) {
                    JsonNode problem = response.getValue().path("content").path("application/problem+json")
                            .path("schema").path("$ref");
                    if (!problem.asText().equals("#/components/schemas/Problem")) {
                        faults.add(name + " " + response.getKey() + ": not an application/problem+json Problem");
                    }
                }
                if (response.getKey().equals("503") && !response.getValue().path("headers").has("Retry-After")) {
                    faults.add(name + " 503: no Retry-After header");
                }
                if (response.getValue().path("description").asText().isBlank()) {
                    faults.add(name + " " + response.getKey() + ": no description");
                }
            });
        });
        assertThat(faults).isEmpty();
        List<String> declared = new ArrayList<>();
        docs.path("tags").forEach(tag -> {
            declared.add(tag.path("name").asText());
            assertThat(tag.path("description").asText()).as(tag.toString()).isNotBlank();
        });
        assertThat(declared).containsExactlyInAnyOrderElementsOf(TAGS);
        assertThat(docs.path("paths").size()).as("every controller is described").isGreaterThanOrEqualTo(30);
    }

    @Test
    void every_body_has_a_schema_with_properties_and_described_fields() {
        List<String> faults = new ArrayList<>();
        operations((name, operation) -> {
            operation.path("requestBody").path("content").fields().forEachRemaining(content ->
                    walk(name + " request " + content.getKey(), content.getValue().path("schema"), faults,
                            new HashSet<>()));
            operation.path("responses").fields().forEachRemaining(response ->
                    response.getValue().path("content").fields().forEachRemaining(content ->
                            walk(name + " " + response.getKey() + " " + content.getKey(),
                                    content.getValue().path("schema"), faults, new HashSet<>())));
        });
        assertThat(faults).isEmpty();
    }

    /** Every type the engine's code names when it writes a problem is one the description lists. */
    @Test
    void every_problem_type_the_code_sends_is_described() throws IOException {
        Set<String> described = new HashSet<>();
        docs.path("components").path("schemas").path("Problem").path("properties").path("type").path("enum")
                .forEach(type -> described.add(type.asText()));
        Pattern named = Pattern.compile("Problems\\.of\\([^;]*?\"([a-z]+(?:-[a-z]+)*)\"|problem:([a-z]+(?:-[a-z]+)*)");
        Set<String> sent = new HashSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = named.matcher(Files.readString(source));
                while (matcher.find()) {
                    sent.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        assertThat(sent).as("problem types found in the code").contains("invalid-input", "no-such-path");
        for (String type : sent) {
            assertThat(described).as("the Problem schema's types").contains("urn:campaign-engine:problem:" + type);
        }
    }

    @Test
    void the_problem_schema_lists_every_type_and_its_extensions() {
        JsonNode problem = docs.path("components").path("schemas").path("Problem");
        Set<String> types = new HashSet<>();
        problem.path("properties").path("type").path("enum").forEach(type -> types.add(type.asText()));
        String description = problem.path("properties").path("type").path("description").asText();
        for (String type : PROBLEM_TYPES) {
            assertThat(types).contains("urn:campaign-engine:problem:" + type);
            assertThat(description).contains("urn:campaign-engine:problem:" + type);
        }
        List<String> properties = new ArrayList<>();
        problem.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).contains("type", "title", "status", "detail", "instance", "errors", "currentStatus",
                "allowedActions", "field", "missing", "maxRecords", "line", "column", "allowedMethods",
                "acceptedMediaTypes", "acceptableMediaTypes");
        assertThat(docs.path("components").path("schemas").path("FieldError").path("properties").has("allowed"))
                .isTrue();
    }

    @Test
    void commands_that_wait_for_a_turn_on_the_node_list_node_busy_and_other_operations_do_not() {
        for (String command : List.of("/api/v1/campaigns", "/api/v1/campaigns/{id}/launch",
                "/api/v1/campaigns/{id}/activity")) {
            assertThat(docs.path("paths").path(command).path("post").path("responses").path("503").path("description")
                    .asText()).as(command).contains("problem:node-busy", "problem:store-unavailable");
        }
        assertThat(docs.path("paths").path("/api/v1/campaigns").path("get").path("responses").path("503")
                .path("description").asText()).contains("problem:store-unavailable").doesNotContain("node-busy");
        assertThat(docs.path("paths").path("/api/v1/users").path("post").path("responses").path("503")
                .path("description").asText()).doesNotContain("node-busy");
    }

    @Test
    void each_operation_names_the_roles_that_may_call_it() {
        JsonNode suspend = docs.path("paths").path("/api/v1/campaigns/{id}/suspend").path("post");
        assertThat(suspend.path("x-roles").toString()).isEqualTo("[\"ADMIN\",\"SERVICE\"]");
        assertThat(suspend.path("description").asText()).endsWith("Roles: ADMIN, SERVICE.");
        assertThat(docs.path("paths").path("/api/v1/users").path("get").path("x-roles").toString())
                .isEqualTo("[\"ADMIN\"]");
        operations((name, operation) -> assertThat(operation.path("x-roles").isEmpty()).as(name).isFalse());
    }

    @Test
    void the_browsable_ui_is_served() {
        Reply ui = new EngineClient(port, "admin", PASSWORD).get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(new EngineClient(port, "admin", PASSWORD).get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void basic_and_bearer_security_are_declared_and_required() {
        JsonNode schemes = docs.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(docs.path("security").toString()).contains("basicAuth", "bearerAuth");
    }

    @Test
    void settings_and_the_patch_are_typed_field_by_field() {
        JsonNode create = docs.path("paths").path("/api/v1/campaigns").path("post").path("requestBody")
                .path("content").path("application/json").path("schema");
        JsonNode createSchema = resolve(create);
        JsonNode settings = resolve(createSchema.path("properties").path("settings"));
        JsonNode patch = resolve(docs.path("paths").path("/api/v1/campaigns/{id}").path("patch").path("requestBody")
                .path("content").path("application/json").path("schema"));
        for (String field : List.of("name", "office", "tags", "contactList", "initialMessage", "script", "startAt",
                "endAt", "timeZone", "openHours", "areaCodes", "phoneNumberMode", "reusableNumber", "operatedBy",
                "type", "senderId", "variants", "useCaseId")) {
            assertThat(settings.path("properties").has(field)).as("settings." + field).isTrue();
            assertThat(patch.path("properties").has(field)).as("patch." + field).isTrue();
        }
        assertThat(patch.path("properties").has("launchAt")).isTrue();
        assertThat(settings.path("additionalProperties").asBoolean(true)).as("unknown fields are refused").isFalse();
    }

    /** A schema with properties, an array of such, an enum or a scalar; each property described. */
    private void walk(String where, JsonNode schema, List<String> faults, Set<String> seen) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            if (!seen.add(ref)) {
                return;
            }
            walk(where + " " + ref.substring(ref.lastIndexOf('/') + 1), resolve(schema), faults, seen);
            return;
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(combined).forEach(part -> walk(where, part, faults, seen));
        }
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            return;
        }
        String type = schema.path("type").asText();
        if (type.isEmpty() || type.equals("object")) {
            if (!schema.path("properties").isObject() || schema.path("properties").isEmpty()) {
                faults.add(where + ": an object without properties " + schema);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode value = property.getValue();
                if (value.path("description").asText().isBlank() && !described(value)) {
                    faults.add(where + "." + property.getKey() + ": no description");
                }
                walk(where + "." + property.getKey(), value, faults, seen);
            }
        } else if (type.equals("array")) {
            walk(where + "[]", schema.path("items"), faults, seen);
        }
    }

    /** A property that is only a reference carries its description on the schema it names. */
    private boolean described(JsonNode property) {
        JsonNode target = property.has("$ref") ? property
                : property.path("allOf").size() == 1 ? property.path("allOf").get(0) : property;
        return target.has("$ref") && !resolve(target).path("description").asText().isBlank();
    }

    private JsonNode resolve(JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String ref = schema.path("$ref").asText();
        return docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                each.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
    }
}
