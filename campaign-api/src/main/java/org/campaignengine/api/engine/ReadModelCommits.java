package org.campaignengine.api.engine;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.campaignengine.projections.tables.Databases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models' transactions, on PostgreSQL committed without waiting for the write-ahead log to reach the
 * disk ({@code synchronous_commit} off for the transaction). A read model's rows and its processor's token
 * commit together, so a server crash can only lose the last few of those transactions whole: the rows and
 * the token that says they were written. The processor then takes the same events in again from its earlier
 * token and writes the same rows. Nothing else is lost or half-written, and what a transaction committed is
 * visible to every other session at once, as before. Events, timers, accounts and everything a command writes
 * keep waiting for the disk, and so do the processors that act on the world (launches, number releases) and
 * the audit anchors, which are evidence.
 *
 * <p>Without it each of the five read models waited for a flush of the log for every batch it took in, which at
 * the head is an event or two: five flushes for each command, where the command's own is one.
 */
final class ReadModelCommits implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final boolean postgres;

    ReadModelCommits(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(jdbc);
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        if (postgres) {
            try {
                jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        }
        return transaction;
    }
}
