package org.campaignengine.api.eventstore;

import static java.lang.String.format;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A command's event, appended and committed in one round trip to PostgreSQL. A command whose transaction holds
 * no more than its append paid two: the append's statement, then {@code COMMIT}. Here {@link ChainedAppend} hands
 * the command's append to this, which sends it with {@code COMMIT} after it in the same write ({@code INSERT …;
 * COMMIT}: the driver sends both before waiting) when the command's transaction commits; the driver then finds
 * the transaction ended and sends nothing more. What else the transaction writes (timers, a snapshot, a stored
 * answer) goes before it, in the same transaction; if the append fails, nothing is committed. Once the append
 * has left, the commit has too: if the engine dies while PostgreSQL still runs the append (waiting on a lock,
 * say), PostgreSQL commits it all the same, as it always could a {@code COMMIT} sent just before a crash. A keyed
 * request's answer is in that transaction, so its re-send gets it ({@code IdempotencyCrashTest}).
 *
 * <p>Only in the transaction a command's own unit of work begins ({@link CommandTransactions}). A unit of work
 * nested in another (a command sent by a read model's handler or a timer) joins a transaction that goes on after
 * it, so its append is sent at once, as before; so is an append of several events. A held append goes alone, with
 * the commit after it, when the transaction has synchronizations registered (they may write at the commit; the
 * engine registers none for a command that only appends). After its prepare-commit phase, where the append is
 * handed over, a command's unit of work reads nothing from the store; a second append in it sends the held one
 * first.
 */
final class OneTripCommit {

    /** The unit of work's resource: the one trip of the transaction its command began. */
    private static final String RESOURCE = OneTripCommit.class.getName();

    /** What Axon executes in place of a held append: a statement that sends nothing. */
    private static final PreparedStatement SENT_AT_COMMIT = (PreparedStatement) Proxy.newProxyInstance(
            OneTripCommit.class.getClassLoader(), new Class<?>[]{PreparedStatement.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "executeBatch" -> new int[]{1};
                case "close" -> null;
                case "isClosed" -> false;
                case "toString" -> "an append sent at its transaction's commit";
                default -> throw new UnsupportedOperationException(
                        "the append is sent at the commit; " + method.getName() + " is not supported");
            });

    /** The append's statement, prepared on the transaction's connection, with {@code COMMIT} after it or not. */
    @FunctionalInterface
    interface Append {
        PreparedStatement prepare(Connection connection, boolean thenCommit) throws SQLException;
    }

    private final ConnectionProvider connections;
    private final PersistenceExceptionResolver duplicates;
    private Append held;
    private DomainEventMessage<?> event;

    private OneTripCommit(ConnectionProvider connections, PersistenceExceptionResolver duplicates) {
        this.connections = connections;
        this.duplicates = duplicates;
    }

    /**
     * A one trip for the current unit of work, if it is a command's own ({@code newTransaction}: its transaction
     * began with it), else none.
     */
    static OneTripCommit open(boolean newTransaction, ConnectionProvider connections,
                              PersistenceExceptionResolver duplicates) {
        if (!newTransaction || !CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!unitOfWork.isRoot() || !(unitOfWork.getMessage() instanceof CommandMessage<?>)) {
            return null;
        }
        OneTripCommit oneTrip = new OneTripCommit(connections, duplicates);
        unitOfWork.resources().put(RESOURCE, oneTrip);
        return oneTrip;
    }

    /** The current unit of work's, if it is a command's own. */
    static OneTripCommit current() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getResource(RESOURCE) : null;
    }

    /**
     * Takes {@code append}, the append of {@code event}, to send at the commit, and answers what Axon executes in
     * its place: a statement that sends nothing. An append held before must have been {@linkplain #flush sent}.
     */
    PreparedStatement hold(Append append, DomainEventMessage<?> event) {
        if (held != null) {
            throw new IllegalStateException("an append is held already: send it first");
        }
        this.held = append;
        this.event = event;
        return SENT_AT_COMMIT;
    }

    /**
     * Sends the held append and {@code COMMIT} in one trip; if a synchronization is registered with the
     * transaction (it might write at the commit, which must come after it), sends the append alone and leaves the
     * commit to the transaction. A taken key fails as Axon's append would: a {@code ConcurrencyException} (or,
     * for a new stream, an {@code AggregateStreamCreationException}).
     */
    void beforeCommit() {
        send(!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.getSynchronizations().isEmpty());
    }

    /** Sends the held append, if any, alone: another append of the transaction comes after it. */
    void flush() {
        send(false);
    }

    private void send(boolean thenCommit) {
        Append append = held;
        if (append == null) {
            return;
        }
        held = null;
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = append.prepare(connection, thenCommit)) {
            statement.execute();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Forgets a held append: the transaction rolls back. */
    void discard() {
        held = null;
    }

    private RuntimeException failed(SQLException e) {
        if (duplicates == null || !duplicates.isDuplicateKeyViolation(e)) {
            return new EventStoreException(format("An event with identifier [%s] could not be persisted",
                    event.getIdentifier()), e);
        }
        if (event.getSequenceNumber() == 0) {
            return new AggregateStreamCreationException(format("Cannot reuse aggregate identifier [%s] to create "
                    + "aggregate [%s] since identifiers need to be unique.", event.getAggregateIdentifier(),
                    event.getType()), e);
        }
        return new ConcurrencyException(format("An event for aggregate [%s] at sequence [%d] was already inserted",
                event.getAggregateIdentifier(), event.getSequenceNumber()), e);
    }
}
