package org.campaignengine.api.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's Spring transactions (what Axon's auto-configuration would make), where a command's own transaction
 * commits with its append in one round trip ({@link OneTripCommit}). Every other transaction (a read model's
 * batch, a timer's, one a command joins) is Axon's as it was.
 */
final class CommandTransactions extends SpringTransactionManager {

    /** Axon's default, which its {@code SpringTransactionManager} would use: required, the default isolation. */
    private static final TransactionDefinition DEFINITION = new DefaultTransactionDefinition();

    private final PlatformTransactionManager transactions;
    private final ConnectionProvider connections;
    private final PersistenceExceptionResolver duplicates;

    CommandTransactions(PlatformTransactionManager transactions, ConnectionProvider connections,
                        PersistenceExceptionResolver duplicates) {
        super(transactions, DEFINITION);
        this.transactions = transactions;
        this.connections = connections;
        this.duplicates = duplicates;
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus status = transactions.getTransaction(DEFINITION);
        OneTripCommit oneTrip = OneTripCommit.open(status.isNewTransaction(), connections, duplicates);
        return new Transaction() {
            @Override
            public void commit() {
                if (oneTrip != null && !status.isCompleted() && !status.isRollbackOnly()) {
                    oneTrip.beforeCommit();
                }
                commitTransaction(status);
            }

            @Override
            public void rollback() {
                if (oneTrip != null) {
                    oneTrip.discard();
                }
                rollbackTransaction(status);
            }
        };
    }
}
