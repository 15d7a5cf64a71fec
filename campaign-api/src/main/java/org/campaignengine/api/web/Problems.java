package org.campaignengine.api.web;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** Problem details (RFC 9457) with a stable type per kind of problem. */
public final class Problems {

    private Problems() {
    }

    /** Writes a problem from a servlet filter, where no controller advice applies. */
    public static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:campaign-engine:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
