package org.campaignengine.api.activity;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An activity batch over the configured size: answered 413, and nothing of it is recorded. */
class BatchTooLarge extends ErrorResponseException {

    BatchTooLarge(int size, int max) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, problem(size, max), null);
    }

    private static ProblemDetail problem(int size, int max) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "Batch too large",
                "a batch holds at most " + max + " records; this one has " + size);
        problem.setProperty("maxRecords", max);
        return problem;
    }
}
