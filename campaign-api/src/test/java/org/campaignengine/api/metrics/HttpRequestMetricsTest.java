package org.campaignengine.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

class HttpRequestMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpRequestMetrics metrics = new HttpRequestMetrics(registry);

    @Test
    void aRoutedRequestIsTimedUnderItsRouteTemplateWithSpringBootsTags() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/campaigns/c-1/pause");
        metrics.doFilter(request, new MockHttpServletResponse(), (req, res) -> req.setAttribute(
                HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/campaigns/{id}/pause"));
        metrics.doFilter(request, new MockHttpServletResponse(), (req, res) -> req.setAttribute(
                HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/campaigns/{id}/pause"));

        Timer timer = registry.get("http.server.requests").tag("uri", "/api/v1/campaigns/{id}/pause").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.getId().getTag("method")).isEqualTo("POST");
        assertThat(timer.getId().getTag("status")).isEqualTo("200");
        assertThat(timer.getId().getTag("outcome")).isEqualTo("SUCCESS");
        assertThat(timer.getId().getTag("exception")).isEqualTo("none");
        assertThat(timer.getId().getTag("error")).isEqualTo("none");
    }

    @Test
    void aRequestRefusedBeforeRoutingIsTimedAsUnknownAndANotFoundOneAsNotFound() throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        metrics.doFilter(new MockHttpServletRequest("POST", "/api/v1/campaigns"), refused, (req, res) -> refused.setStatus(401));
        MockHttpServletResponse missing = new MockHttpServletResponse();
        metrics.doFilter(new MockHttpServletRequest("GET", "/nothing"), missing, (req, res) -> missing.setStatus(404));

        assertThat(registry.get("http.server.requests").tag("uri", "UNKNOWN").tag("status", "401")
                .tag("outcome", "CLIENT_ERROR").timer().count()).isEqualTo(1);
        assertThat(registry.get("http.server.requests").tag("uri", "NOT_FOUND").tag("status", "404").timer().count())
                .isEqualTo(1);
    }

    @Test
    void aRequestFailingWithAnExceptionIsTimedAsA500NamingIt() {
        FilterChain failing = (req, res) -> {
            throw new ServletException(new IllegalStateException("broken"));
        };
        assertThatThrownBy(() -> metrics.doFilter(new MockHttpServletRequest("GET", "/api/v1/campaigns"),
                new MockHttpServletResponse(), failing)).isInstanceOf(ServletException.class);

        Timer timer = registry.get("http.server.requests").tag("status", "500").timer();
        assertThat(timer.getId().getTag("exception")).isEqualTo("IllegalStateException");
        assertThat(timer.getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
    }

    @Test
    void aStreamIsTimedWhenItEndsNotWhenItsFirstDispatchReturns() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/stream");
        request.setAsyncSupported(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        metrics.doFilter(request, response, (req, res) -> {
            req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/stream");
            req.startAsync();
        });
        assertThat(registry.find("http.server.requests").timer()).isNull();

        ((MockAsyncContext) request.getAsyncContext()).complete();

        assertThat(registry.get("http.server.requests").tag("uri", "/api/v1/stream").timer().count()).isEqualTo(1);
    }
}
