package org.campaignengine.bench.crud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bench's CRUD baseline does what a team's service would, so the comparison is with real work: a create
 * stores a DRAFT row, a change is checked against the status and the version, bad input and bad credentials
 * are refused with problem details, and pages come sorted by name.
 */
@PostgresTest
class CrudServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FreshDatabase database;
    private static ConfigurableApplicationContext service;
    private static String base;

    @BeforeAll
    static void start() {
        database = FreshDatabase.create();
        SpringApplication application = new SpringApplication(CrudService.class);
        application.setDefaultProperties(CrudService.SETTINGS);
        service = application.run("--spring.config.name=crud-baseline", "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(), "--CAMPAIGN_ADMIN_PASSWORD=crud-baseline");
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_create_stores_a_draft_row_and_answers_201_with_its_location() throws Exception {
        HttpResponse<String> created = send("POST", "/campaigns", "{\"name\":\"Canvass\",\"channel\":\"SMS\",\"office\":\"north\"}",
                "crud-baseline");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("status").asText()).isEqualTo("DRAFT");
        assertThat(created.headers().firstValue("Location")).hasValue("/campaigns/" + body.path("id").asText());
        assertThat(sql().queryForObject("SELECT status FROM crud_campaign WHERE id = ?", String.class,
                UUID.fromString(body.path("id").asText()))).isEqualTo("DRAFT");
    }

    @Test
    void pause_is_refused_unless_active_and_resume_unless_paused() throws Exception {
        String id = create("Refusals");
        assertThat(send("POST", "/campaigns/" + id + "/pause", null, "crud-baseline").statusCode()).isEqualTo(409);
        sql().update("UPDATE crud_campaign SET status = 'ACTIVE' WHERE id = ?", UUID.fromString(id));
        assertThat(send("POST", "/campaigns/" + id + "/resume", null, "crud-baseline").statusCode()).isEqualTo(409);
        HttpResponse<String> paused = send("POST", "/campaigns/" + id + "/pause", null, "crud-baseline");
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(paused.body()).path("version").asLong()).isEqualTo(1);
        assertThat(send("POST", "/campaigns/" + id + "/resume", null, "crud-baseline").statusCode()).isEqualTo(200);
    }

    @Test
    void a_rename_is_versioned_and_an_archived_campaign_cannot_be_renamed() throws Exception {
        String id = create("Before");
        HttpResponse<String> renamed = send("PATCH", "/campaigns/" + id, "{\"name\":\"After\"}", "crud-baseline");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(renamed.body()).path("version").asLong()).isEqualTo(1);
        sql().update("UPDATE crud_campaign SET status = 'ARCHIVED' WHERE id = ?", UUID.fromString(id));
        HttpResponse<String> refused = send("PATCH", "/campaigns/" + id, "{\"name\":\"Again\"}", "crud-baseline");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void bad_input_and_bad_credentials_are_refused_with_problem_details() throws Exception {
        assertThat(send("POST", "/campaigns", "{\"name\":\"\",\"channel\":\"FAX\",\"office\":\"x\"}", "crud-baseline")
                .statusCode()).isEqualTo(400);
        assertThat(send("POST", "/campaigns", "{\"name\":\"x\",\"channel\":\"SMS\",\"office\":\"x\",\"extra\":1}",
                "crud-baseline").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/campaigns?size=1000", null, "crud-baseline").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/campaigns/" + UUID.randomUUID() + "/pause", null, "crud-baseline").statusCode())
                .isEqualTo(404);
        HttpResponse<String> wrong = send("GET", "/campaigns", null, "wrong-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void a_page_is_sorted_by_name_ignoring_case() throws Exception {
        create("zulu page");
        create("Alpha page");
        create("mike page");
        JsonNode page = JSON.readTree(send("GET", "/campaigns?sort=name&size=100", null, "crud-baseline").body());
        java.util.List<String> names = new java.util.ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("name").asText()));
        assertThat(names).filteredOn(name -> name.endsWith(" page")).containsExactly("Alpha page", "mike page",
                "zulu page");
    }

    private static String create(String name) throws Exception {
        HttpResponse<String> created = send("POST", "/campaigns", "{\"name\":\"" + name
                + "\",\"channel\":\"SMS\",\"office\":\"north\"}", "crud-baseline");
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private static JdbcTemplate sql() {
        return service.getBean(JdbcTemplate.class);
    }

    private static HttpResponse<String> send(String method, String path, String json, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                        .getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
