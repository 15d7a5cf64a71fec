package org.campaignengine.api.admin;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A split, merge or release this node could not do: 409, saying why and which node holds the segment. */
final class SegmentRefused extends ErrorResponseException {

    SegmentRefused(String processor, int segment, String operation, String reason, String owner) {
        super(HttpStatus.CONFLICT, problem(processor, segment, operation, reason, owner), null);
    }

    private static ProblemDetail problem(String processor, int segment, String operation, String reason,
                                         String owner) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "segment-refused", "Segment not changed",
                "Segment " + segment + " of '" + processor + "' was not " + past(operation) + ": " + reason);
        problem.setProperty("operation", operation);
        problem.setProperty("reason", reason);
        problem.setProperty("owner", owner);
        return problem;
    }

    private static String past(String operation) {
        return switch (operation) {
            case "split" -> "split";
            case "merge" -> "merged";
            default -> "released";
        };
    }
}
