package org.campaignengine.api.audit;

import org.campaignengine.api.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The hash chain and its anchors exist only on the engine's own JDBC event store; under Axon Server
 * ({@code axonserver} profile) the engine never sees the stored bytes, so it has nothing to verify: 501.
 */
final class NoTamperEvidence extends ErrorResponseException {

    static final String DETAIL = "Tamper evidence needs the engine's own JDBC event store; Axon Server keeps the events";

    NoTamperEvidence() {
        super(HttpStatus.NOT_IMPLEMENTED, Problems.of(HttpStatus.NOT_IMPLEMENTED, "no-tamper-evidence",
                "No tamper evidence with Axon Server", DETAIL), null);
    }
}
