package org.campaignengine.api.eventstore;

import java.util.function.Supplier;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event storage engine's transactions. Axon's JDBC engine reads in a transaction of its own
 * ({@code fetchInTransaction}: the new events for the processors, a stream, a snapshot, a token's position), which
 * costs a {@code COMMIT} and its round trip after every read: the head alone is read up to a hundred times a
 * second. Outside a transaction a read here runs each of its queries on its own, as every query under READ
 * COMMITTED sees what was committed when it started either way; inside one (a command loading its campaign) it
 * joins it. Appends and snapshots are written in a transaction, as Axon writes them.
 */
final class StoreReads implements TransactionManager {

    private final TransactionManager transactions;

    StoreReads(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        return transactions.startTransaction();
    }

    @Override
    public <T> T fetchInTransaction(Supplier<T> read) {
        return TransactionSynchronizationManager.isActualTransactionActive() ? transactions.fetchInTransaction(read)
                : read.get();
    }
}
