package org.campaignengine.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.SQLTransientConnectionException;

import org.campaignengine.api.EngineProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A command refused before it ran says why: this node was busy, or the store was out of reach. */
class BusyOrUnreachableTest {

    private final ObjectMapper json = new ObjectMapper();
    private MockMvc mvc;

    @RestController
    static class Commands {

        @PostMapping("/busy")
        void busy() {
            throw new NodeBusy("no turn for the command: no turn came within 3000 ms; commands finished");
        }

        @PostMapping("/unreachable")
        void unreachable() {
            throw new CannotCreateTransactionException("no turn for the command",
                    new SQLTransientConnectionException("no turn came within 3000 ms"));
        }
    }

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(new Commands())
                .setControllerAdvice(new ProblemHandler(new EngineProperties(null, null, null, null, null, null, null,
                        null, null)))
                .build();
    }

    @Test
    void a_command_refused_because_the_node_was_busy_is_answered_503_node_busy_retry_after_one_second()
            throws Exception {
        MvcResult result = mvc.perform(post("/busy")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo(NodeBusy.RETRY_AFTER_SECONDS)
                .isEqualTo("1");
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(result.getResponse().getContentAsString());
        assertThat(problem.path("type").asText()).isEqualTo("urn:campaign-engine:problem:node-busy");
        assertThat(problem.path("detail").asText()).doesNotContain("turn", "3000").contains("nothing was changed");
    }

    @Test
    void a_command_refused_because_the_store_was_out_of_reach_is_answered_503_store_unavailable() throws Exception {
        MvcResult result = mvc.perform(post("/unreachable")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo(StoreUnavailable.RETRY_AFTER_SECONDS);
        JsonNode problem = json.readTree(result.getResponse().getContentAsString());
        assertThat(problem.path("type").asText()).isEqualTo("urn:campaign-engine:problem:store-unavailable");
    }
}
