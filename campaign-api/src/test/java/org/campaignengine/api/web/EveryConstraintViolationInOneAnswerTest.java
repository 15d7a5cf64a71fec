package org.campaignengine.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.api.EngineProperties;
import org.campaignengine.api.activity.ActivityRequests;
import org.campaignengine.api.web.input.HasText;
import org.campaignengine.domain.campaign.ActivityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.Valid;

/**
 * Bean Validation's refusals keep the API's error contract: a 400 {@code invalid-input} problem listing every
 * mistake of the request at once, each at its path in the request and in the request's order, enum fields
 * naming their values.
 */
class EveryConstraintViolationInOneAnswerTest {

    private static final String AT = "\"2026-12-05T10:15:00Z\"";
    private static final List<String> TYPES = Arrays.stream(ActivityType.values()).map(Enum::name).toList();

    private final ObjectMapper json = new ObjectMapper();
    private MockMvc mvc;

    @RestController
    static class Endpoints {

        @PostMapping("/activity")
        void activity(@Valid @RequestBody ActivityRequests.Activity body) {
        }

        @PostMapping("/contacts/{contactId}")
        void contact(@PathVariable @HasText(max = 100, message = "has 1 to 100 characters") String contactId) {
        }

        @PostMapping("/contacts/{contactId}/activity")
        void both(@PathVariable @HasText(max = 100, message = "has 1 to 100 characters") String contactId,
                  @Valid @RequestBody ActivityRequests.Activity body) {
        }
    }

    @BeforeEach
    void setUp() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
                .setControllerAdvice(new ProblemHandler(new EngineProperties(null, null, null, null, null, null, null,
                        null, null)))
                .setValidator(validator).build();
    }

    @Test
    void a_body_with_several_constraint_violations_answers_all_of_them_in_one_400_at_their_paths_in_request_order()
            throws Exception {
        String body = "{\"records\": ["
                + "{\"type\": \"MESSAGE_SENT\", \"at\": " + AT + "}, "
                + "{\"recordId\": \"fine\", \"type\": \"MESSAGE_SENT\", \"at\": " + AT + "}, "
                + "{\"recordId\": \"" + "r".repeat(101) + "\", \"at\": " + AT + ", \"contactName\": \"Ann Lee\", "
                + "\"messageId\": \"" + "m".repeat(201) + "\", \"costMicros\": -1}, "
                + "null]}";
        JsonNode problem = invalidInput(postJson("/activity", body));

        Map<String, JsonNode> errors = errors(problem);
        assertThat(errors.keySet()).containsExactly("records[0].recordId", "records[2].recordId", "records[2].type",
                "records[2].contactId", "records[2].messageId", "records[2].costMicros", "records[3]");
        assertThat(message(errors, "records[0].recordId")).isEqualTo("is required (1 to 100 characters)");
        assertThat(message(errors, "records[2].contactId")).isEqualTo("is required with a contactName or phone");
        assertThat(message(errors, "records[2].messageId")).isEqualTo("has at most 200 characters");
        assertThat(message(errors, "records[2].costMicros")).isEqualTo("must be from 0 to 1000000000000 micros");
        assertThat(message(errors, "records[3]")).isEqualTo("is null");
        assertThat(errors.get("records[0].recordId").has("allowed")).isFalse();
        assertThat(problem.path("detail").asText())
                .startsWith("records[0].recordId: is required (1 to 100 characters); records[2].recordId: ");
    }

    @Test
    void a_required_enum_left_out_is_refused_naming_every_value_it_takes() throws Exception {
        JsonNode problem = invalidInput(postJson("/activity", "{\"records\": [{\"recordId\": \"r1\", \"at\": " + AT + "}]}"));
        JsonNode type = errors(problem).get("records[0].type");
        assertThat(type.path("message").asText()).isEqualTo("is required and must be one of " + String.join(", ", TYPES));
        List<String> allowed = new ArrayList<>();
        type.path("allowed").forEach(value -> allowed.add(value.asText()));
        assertThat(allowed).isEqualTo(TYPES);
    }

    @Test
    void an_empty_batch_is_refused_naming_its_records() throws Exception {
        for (String empty : List.of("{\"records\": []}", "{}")) {
            JsonNode problem = invalidInput(postJson("/activity", empty));
            assertThat(message(errors(problem), "records")).as(empty).isEqualTo("at least one record is required");
        }
    }

    @Test
    void a_batch_of_more_than_twenty_mistakes_is_answered_with_its_first_twenty() throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add("{\"recordId\": \"r" + i + "\"}");
        }
        JsonNode problem = invalidInput(postJson("/activity", "{\"records\": [" + String.join(", ", records) + "]}"));
        assertThat(errors(problem).keySet()).hasSize(20).startsWith("records[0].type", "records[0].at",
                "records[1].type").endsWith("records[9].type", "records[9].at");
    }

    @Test
    void a_path_value_that_breaks_its_constraint_is_invalid_input_named_as_the_path_names_it() throws Exception {
        JsonNode problem = invalidInput(post("/contacts/{contactId}", " "));
        assertThat(message(errors(problem), "contactId")).isEqualTo("has 1 to 100 characters");
        assertThat(problem.path("detail").asText()).isEqualTo("contactId: has 1 to 100 characters");
        mvc.perform(post("/contacts/{contactId}", "c-1")).andExpect(result ->
                assertThat(result.getResponse().getStatus()).isEqualTo(200));
    }

    @Test
    void a_bad_path_value_and_a_bad_body_are_answered_together_the_path_first() throws Exception {
        JsonNode problem = invalidInput(postJson("/contacts/" + "c".repeat(101) + "/activity",
                "{\"records\": [{\"recordId\": \"r1\", \"type\": \"MESSAGE_SENT\", \"phone\": \"+14155550101\"}]}"));
        assertThat(errors(problem).keySet()).containsExactly("contactId", "records[0].at", "records[0].contactId");
        assertThat(message(errors(problem), "records[0].at")).isEqualTo("is required");
    }

    private static MockHttpServletRequestBuilder postJson(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode invalidInput(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String answer = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(answer).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer);
        assertThat(problem.path("type").asText()).isEqualTo("urn:campaign-engine:problem:invalid-input");
        assertThat(problem.path("title").asText()).isEqualTo("Invalid input");
        return problem;
    }

    private static Map<String, JsonNode> errors(JsonNode problem) {
        Map<String, JsonNode> errors = new LinkedHashMap<>();
        problem.path("errors").forEach(error -> {
            assertThat(errors.put(error.path("field").asText(), error)).as("one entry per field").isNull();
        });
        return errors;
    }

    private static String message(Map<String, JsonNode> errors, String field) {
        assertThat(errors).containsKey(field);
        return errors.get(field).path("message").asText();
    }
}
