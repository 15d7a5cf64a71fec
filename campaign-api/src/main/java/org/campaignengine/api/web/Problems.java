package org.campaignengine.api.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem details (RFC 9457) with a stable type per kind of problem. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:campaign-engine:problem:" + type));
        problem.setTitle(title);
        return problem;
    }
}
