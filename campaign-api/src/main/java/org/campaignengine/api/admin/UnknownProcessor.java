package org.campaignengine.api.admin;

import java.util.List;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A name that is no event processor: 404, naming those that are. */
final class UnknownProcessor extends ErrorResponseException {

    UnknownProcessor(String name, List<String> known) {
        super(HttpStatus.NOT_FOUND, problem(name, known), null);
    }

    private static ProblemDetail problem(String name, List<String> known) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "unknown-event-processor", "No such event processor",
                "No event processor is called '" + name + "'; the event processors are " + known);
        problem.setProperty("processors", known);
        return problem;
    }
}
