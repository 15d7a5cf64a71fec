package org.campaignengine.api.deadletters;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Decides what a read model's failure means. In a batch, any failure fails the batch: a handler may have
 * written part of its rows before it threw, or (PostgreSQL) left the transaction unusable, so the batch is
 * handed over again and its events are then handled one by one, each undone alone when it fails
 * ({@link OneEventAtATime}); only then is the failing event set aside. A failure of the database itself
 * (unreachable, a lock or serialization conflict) never sets anything aside: the batch waits and is
 * tried again. A retry of a letter that fails again keeps it, counting the attempt.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    static final String ATTEMPTS = "attempts";

    private final FailedBatches failed;

    ParkingPolicy(FailedBatches failed) {
        this.failed = failed;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (letter instanceof JdbcDeadLetter<?>) {
            return Decisions.requeue(ThrowableCause.truncated(cause),
                    l -> l.diagnostics().and(ATTEMPTS, attempts(l.diagnostics()) + 1));
        }
        if (isTransient(cause) || !failed.failedBefore(letter.message())) {
            throw new BatchFailed(cause);
        }
        return Decisions.enqueue(ThrowableCause.truncated(cause), l -> MetaData.with(ATTEMPTS, 1));
    }

    static long attempts(MetaData diagnostics) {
        return diagnostics.get(ATTEMPTS) instanceof Number n ? n.longValue() : 1;
    }

    private static boolean isTransient(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /** Fails the batch, so the processor hands it over again instead of setting the event aside now. */
    static final class BatchFailed extends RuntimeException {

        BatchFailed(Throwable cause) {
            super("the batch is handed over again, its events one by one: " + cause, cause);
        }
    }
}
