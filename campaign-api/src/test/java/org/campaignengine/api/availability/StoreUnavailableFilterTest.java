package org.campaignengine.api.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.campaignengine.api.web.RequestContext;
import org.campaignengine.api.web.StoreUnavailable;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;

class StoreUnavailableFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreUnavailableFilter filter = new StoreUnavailableFilter(JSON);
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/campaigns");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void a_database_failure_in_a_later_filter_is_answered_503_with_retry_after_and_the_request_id() throws Exception {
        response.setHeader(RequestContext.REQUEST_ID_HEADER, "req-1");
        FilterChain loginThrottle = (req, res) -> {
            res.getWriter().write("half an answer");
            throw new CannotGetJdbcConnectionException("login_failure cannot be read");
        };

        filter.doFilter(request, response, loginThrottle);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo(StoreUnavailable.RETRY_AFTER_SECONDS);
        assertThat(response.getHeader(RequestContext.REQUEST_ID_HEADER)).isEqualTo("req-1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.path("type").asText()).isEqualTo("urn:campaign-engine:problem:store-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
    }

    @Test
    void any_other_failure_is_left_to_the_rest_of_the_error_handling() {
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("a bug");
        };

        assertThatIllegalStateException().isThrownBy(() -> filter.doFilter(request, response, failing))
                .withMessage("a bug");
    }

    @Test
    void an_answer_already_sent_is_not_rewritten() throws Exception {
        FilterChain streaming = (req, res) -> {
            res.getWriter().write("first lines of an export");
            res.flushBuffer();
            throw new CannotGetJdbcConnectionException("the store went away mid-stream");
        };

        assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
                .isThrownBy(() -> filter.doFilter(request, response, streaming));
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
