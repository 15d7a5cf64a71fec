package org.campaignengine.api.admin;

import java.util.List;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A name that is no replayable read model: 404, naming those that are. */
final class UnknownProjection extends ErrorResponseException {

    UnknownProjection(String name, List<String> known) {
        super(HttpStatus.NOT_FOUND, problem(name, known), null);
    }

    private static ProblemDetail problem(String name, List<String> known) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "unknown-projection", "No such read model",
                "No read model is called '" + name + "'; the read models are " + known);
        problem.setProperty("projections", known);
        return problem;
    }
}
