package org.campaignengine.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A command this node could not start in time because it already ran as many as it runs at once, while the
 * store itself answered: 503 {@code node-busy} with a short {@code Retry-After}, nothing changed. Told apart
 * from {@link StoreUnavailable}, whose answer says the database is out of reach and asks for a longer wait.
 */
public final class NodeBusy extends RuntimeException {

    /** Seconds a client is asked to wait: the commands ahead of it take milliseconds each. */
    public static final String RETRY_AFTER_SECONDS = "1";

    public NodeBusy(String message) {
        super(message, null, false, false);
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "node-busy", "Node busy",
                "This node had more commands waiting than it runs at once; nothing was changed; retry shortly");
    }
}
