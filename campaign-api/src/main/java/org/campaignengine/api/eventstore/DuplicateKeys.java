package org.campaignengine.api.eventstore;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

/**
 * Tells Axon that an append failed on a taken key, so that it answers a {@code ConcurrencyException} (a retry,
 * else 409) rather than an {@code EventStoreException} (a 500). Axon's own resolver reads the error code of
 * the exception it is given; an append is a batch, whose failure the drivers (H2, PostgreSQL) report as a
 * {@code BatchUpdateException} with the unique violation (SQLState 23505) in its chain of next exceptions.
 */
public final class DuplicateKeys implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver axons = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        if (axons.isDuplicateKeyViolation(exception)) {
            return true;
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
