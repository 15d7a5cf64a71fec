package org.campaignengine.api.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one answer to a request the database could not serve: 503 with {@code Retry-After}, the same
 * from a controller, a servlet filter or the authentication of a caller. A failure counts when any
 * exception in its chain of causes is one the database gives when it cannot be reached or is shutting
 * down, however a framework wrapped it (Axon's command bus, Spring Security's authentication manager).
 */
public final class StoreUnavailable {

    /** Seconds a client is asked to wait: a database that restarts is back in about that time. */
    public static final String RETRY_AFTER_SECONDS = "5";
    /** SQLSTATE classes 08 (connection exception) and 57P (the server is shutting down or starting up). */
    private static final String[] UNREACHABLE_STATES = {"08", "57P"};
    private static final int MAX_CAUSES = 32;

    private StoreUnavailable() {
    }

    /** Whether {@code failure} or one of its causes says the store cannot be reached now. */
    public static boolean causes(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.size() < MAX_CAUSES && seen.put(cause, true) == null;
             cause = cause.getCause()) {
            if (unreachable(cause)) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                "The event store cannot be reached; retry later");
    }

    /** Writes the answer from a servlet filter or an authentication entry point, where no controller advice applies. */
    public static void write(ObjectMapper json, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        Problems.write(json, response, problem());
    }

    private static boolean unreachable(Throwable failure) {
        if (failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
                || failure instanceof CannotCreateTransactionException || failure instanceof AxonTransientException
                || failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException || failure instanceof SQLRecoverableException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            for (String state : UNREACHABLE_STATES) {
                if (sql.getSQLState().startsWith(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
