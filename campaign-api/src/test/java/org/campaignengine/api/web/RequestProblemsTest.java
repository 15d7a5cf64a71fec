package org.campaignengine.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The engine's own problems for requests refused before any controller, with what to send instead. */
class RequestProblemsTest {

    private final ProblemHandler handler = new ProblemHandler(null);

    @Test
    void a_missing_required_query_parameter_is_invalid_input_naming_it() {
        ProblemDetail problem = body(handler.handleMissingServletRequestParameter(
                new MissingServletRequestParameterException("from", "String"), new HttpHeaders(), HttpStatus.BAD_REQUEST,
                request("GET", "/api/v1/campaigns/calendar")));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType().toString()).isEqualTo("urn:campaign-engine:problem:invalid-input");
        assertThat(problem.getDetail()).isEqualTo("from is a required query parameter");
        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(Map.of("field", "from", "message", "is a required query parameter")));
    }

    @Test
    void a_missing_required_header_is_invalid_input_naming_it() throws Exception {
        MethodParameter parameter = new MethodParameter(RequestProblemsTest.class.getDeclaredMethod("withHeader",
                String.class), 0);
        ProblemDetail problem = body(handler.handleServletRequestBindingException(
                new MissingRequestHeaderException("Idempotency-Key", parameter), new HttpHeaders(),
                HttpStatus.BAD_REQUEST, request("POST", "/api/v1/campaigns")));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("Idempotency-Key is a required header");
    }

    @Test
    void an_unknown_path_names_the_method_and_the_path_and_never_a_static_resource() throws Exception {
        ProblemDetail problem = body(handler.handleException(new NoResourceFoundException(HttpMethod.GET, "api/v1/nothing"),
                request("GET", "/api/v1/nothing")));
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType().toString()).isEqualTo("urn:campaign-engine:problem:no-such-path");
        assertThat(problem.getTitle()).isEqualTo("No such path");
        assertThat(problem.getDetail()).isEqualTo(
                "No endpoint answers GET /api/v1/nothing; the API's paths are described at /v3/api-docs");
    }

    @Test
    void a_method_not_allowed_lists_the_allowed_ones_and_keeps_the_allow_header() throws Exception {
        HttpRequestMethodNotSupportedException e = new HttpRequestMethodNotSupportedException("PUT", Set.of("GET"));
        ResponseEntity<Object> answer = handler.handleException(e, request("PUT", "/api/v1/campaigns/tabs"));
        ProblemDetail problem = body(answer);
        assertThat(answer.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(problem.getType().toString()).isEqualTo("urn:campaign-engine:problem:method-not-allowed");
        assertThat(problem.getDetail()).isEqualTo("PUT is not allowed on /api/v1/campaigns/tabs; allowed: GET");
        assertThat(problem.getProperties()).containsEntry("allowedMethods", List.of("GET"));
    }

    @Test
    void an_unsupported_or_unacceptable_media_type_names_what_the_endpoint_takes_or_gives() throws Exception {
        ProblemDetail unsupported = body(handler.handleException(new HttpMediaTypeNotSupportedException(
                MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON), HttpMethod.POST),
                request("POST", "/api/v1/campaigns")));
        assertThat(unsupported.getType().toString()).isEqualTo("urn:campaign-engine:problem:unsupported-media-type");
        assertThat(unsupported.getDetail()).isEqualTo("Content-Type text/plain is not read here; send one of application/json");
        assertThat(unsupported.getProperties()).containsEntry("acceptedMediaTypes", List.of("application/json"));

        MockHttpServletRequest png = new MockHttpServletRequest("GET", "/api/v1/campaigns");
        png.addHeader("Accept", "image/png");
        ProblemDetail notAcceptable = body(handler.handleException(
                new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)), new ServletWebRequest(png)));
        assertThat(notAcceptable.getType().toString()).isEqualTo("urn:campaign-engine:problem:not-acceptable");
        assertThat(notAcceptable.getDetail())
                .isEqualTo("This answer cannot be given in Accept: image/png; ask for one of application/json");
    }

    @SuppressWarnings("unused")
    private void withHeader(String header) {
    }

    private static ServletWebRequest request(String method, String path) {
        return new ServletWebRequest(new MockHttpServletRequest(method, path));
    }

    private static ProblemDetail body(ResponseEntity<Object> answer) {
        assertThat(answer).isNotNull();
        return (ProblemDetail) answer.getBody();
    }
}
