package org.campaignengine.api.deadletters;

import java.util.List;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A processor that keeps no dead letters, or a sequence it does not hold: 404. */
final class UnknownDeadLetter extends ErrorResponseException {

    UnknownDeadLetter(String processor, List<String> processors) {
        super(HttpStatus.NOT_FOUND, processorProblem(processor, processors), null);
    }

    UnknownDeadLetter(String processor, String sequenceId) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "unknown-dead-letter", "No such dead letter",
                "The read model '" + processor + "' holds no dead letters for sequence '" + sequenceId + "'"), null);
    }

    private static ProblemDetail processorProblem(String processor, List<String> processors) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "unknown-processor", "No such read model",
                "No read model called '" + processor + "' keeps dead letters; those that do are " + processors);
        problem.setProperty("processors", processors);
        return problem;
    }
}
