package org.campaignengine.api.admin;

import java.util.List;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A segment id the processor does not have: 404, naming those it has. */
final class UnknownSegment extends ErrorResponseException {

    UnknownSegment(String processor, int segment, List<Integer> known) {
        super(HttpStatus.NOT_FOUND, problem(processor, segment, known), null);
    }

    private static ProblemDetail problem(String processor, int segment, List<Integer> known) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "unknown-segment", "No such segment",
                "Event processor '" + processor + "' has no segment " + segment + "; its segments are " + known);
        problem.setProperty("segments", known);
        return problem;
    }
}
