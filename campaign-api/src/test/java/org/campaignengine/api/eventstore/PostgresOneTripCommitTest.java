package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A command's own transaction sends its append with {@code COMMIT} in one write to PostgreSQL
 * ({@link OneTripCommit}, {@link CommandTransactions}), and stays one transaction: what else it writes commits
 * with the append, a taken key fails it whole as Axon's append does, a rollback sends nothing of the append.
 * The engine on one connection whose writes to the socket are counted.
 */
@PostgresTest
class PostgresOneTripCommitTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final String STREAM = "campaign-1";
    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");

    record Noted(String text) {
    }

    private FreshDatabase database;
    private SingleConnectionDataSource connection;
    private ConnectionProvider connections;
    private CommandTransactions transactions;
    private JdbcEventStorageEngine engine;
    private JdbcTemplate jdbc;

    @BeforeEach
    void engineOnOneCountedConnection() throws Exception {
        database = FreshDatabase.create();
        MigratedDatabase.open(database.jdbcUrl(), "postgresql").close();
        String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "socketFactory="
                + CountedSocketWrites.class.getName();
        connection = new SingleConnectionDataSource(DriverManager.getConnection(url), true);
        connections = new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(connection));
        transactions = new CommandTransactions(new DataSourceTransactionManager(connection), connections,
                new DuplicateKeys());
        engine = JdbcEngines.on(connection, SERIALIZER).connectionProvider(connections)
                .transactionManager(transactions).persistenceExceptionResolver(new DuplicateKeys())
                .appendEvents(new ChainedAppend()).build();
        jdbc = new JdbcTemplate(connection);
    }

    @AfterEach
    void drop() {
        connection.destroy();
        database.close();
    }

    @Test
    void a_commands_append_and_its_commit_leave_in_one_write() {
        long writes = writesOf(() -> command(unitOfWork -> engine.appendEvents(event(0))));

        assertThat(writes).as("BEGIN, the append and COMMIT").isEqualTo(1);
        assertThat(stored()).containsExactly(0L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_link WHERE chain_id = ?", Long.class, STREAM))
                .isEqualTo(1);
    }

    @Test
    void a_transaction_that_is_not_a_commands_own_sends_its_commit_after_the_append() {
        long writes = writesOf(() -> inUnitOfWork(GenericEventMessage.asEventMessage("an event handled"),
                unitOfWork -> engine.appendEvents(event(0))));

        assertThat(writes).as("BEGIN with the append, then COMMIT").isEqualTo(2);
        assertThat(stored()).containsExactly(0L);
    }

    @Test
    void what_else_the_command_writes_commits_with_its_append() {
        jdbc.execute("CREATE TABLE also_written (id INT PRIMARY KEY)");

        long writes = writesOf(() -> command(unitOfWork -> {
            engine.appendEvents(event(0));
            jdbc.update("INSERT INTO also_written (id) VALUES (1)");
        }));

        assertThat(writes).as("BEGIN with the other statement, then the append with COMMIT").isEqualTo(2);
        assertThat(stored()).containsExactly(0L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM also_written", Long.class)).isEqualTo(1);
    }

    @Test
    void a_taken_sequence_fails_the_command_as_a_concurrency_exception_and_nothing_of_it_is_stored() {
        command(unitOfWork -> engine.appendEvents(event(0), event(1)));
        jdbc.execute("CREATE TABLE also_written (id INT PRIMARY KEY)");

        assertThatThrownBy(() -> command(unitOfWork -> {
            jdbc.update("INSERT INTO also_written (id) VALUES (1)");
            engine.appendEvents(event(1));
        })).isInstanceOf(ConcurrencyException.class).hasMessageContaining("at sequence [1] was already inserted");
        assertThatThrownBy(() -> command(unitOfWork -> engine.appendEvents(event(0))))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(stored()).containsExactly(0L, 1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM also_written", Long.class))
                .as("rolled back with the append").isZero();
        command(unitOfWork -> engine.appendEvents(event(2)));
        assertThat(stored()).as("the connection serves the next command").containsExactly(0L, 1L, 2L);
    }

    @Test
    void a_command_rolled_back_after_its_append_sends_nothing_of_it() {
        long writes = writesOf(() -> assertThatThrownBy(() -> command(unitOfWork -> {
            engine.appendEvents(event(0));
            unitOfWork.onPrepareCommit(u -> {
                throw new IllegalStateException("a later step of the command fails");
            });
        })).hasMessage("a later step of the command fails"));

        assertThat(writes).as("nothing was sent: no BEGIN, no append, no ROLLBACK").isZero();
        assertThat(stored()).isEmpty();
    }

    @Test
    void with_a_synchronization_registered_the_append_goes_alone_and_the_transaction_commits_after_it() {
        AtomicBoolean committed = new AtomicBoolean();

        long writes = writesOf(() -> command(unitOfWork -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.set(true);
                }
            });
            engine.appendEvents(event(0));
        }));

        assertThat(writes).as("BEGIN with the append, then COMMIT").isEqualTo(2);
        assertThat(committed).isTrue();
        assertThat(stored()).containsExactly(0L);
    }

    @Test
    void two_appends_of_one_command_are_stored_in_order_and_chained_as_one_append_of_both() {
        command(unitOfWork -> {
            engine.appendEvents(event(0));
            engine.appendEvents(event(1));
        });
        List<String> links = links();
        jdbc.update("DELETE FROM event_link");
        jdbc.update("DELETE FROM DomainEventEntry");

        inUnitOfWork(GenericEventMessage.asEventMessage("an event handled"),
                unitOfWork -> engine.appendEvents(event(0), event(1)));

        assertThat(links()).as("the links of one append of both").isEqualTo(links);
        assertThat(stored()).containsExactly(0L, 1L);
    }

    @Test
    void the_stores_reads_outside_a_transaction_send_no_commit_and_inside_one_join_it() {
        command(unitOfWork -> engine.appendEvents(event(0), event(1)));
        JdbcEventStorageEngine reads = JdbcEngines.on(connection, SERIALIZER).connectionProvider(connections)
                .transactionManager(new StoreReads(transactions)).build();

        long inTransactions = writesOf(() -> assertThat(engine.readEvents(STREAM).asStream()).hasSize(2));
        long outside = writesOf(() -> assertThat(reads.readEvents(STREAM).asStream()).hasSize(2));
        long joined = writesOf(() -> command(unitOfWork -> {
            assertThat(reads.readEvents(STREAM).asStream()).hasSize(2);
            engine.appendEvents(event(2));
        }));

        assertThat(outside).as("each query alone").isPositive();
        assertThat(inTransactions).as("each query with BEGIN, then COMMIT").isEqualTo(2 * outside);
        assertThat(joined).as("BEGIN with the queries, the link the append chains from, then the append with COMMIT")
                .isEqualTo(outside + 2);
        assertThat(stored()).containsExactly(0L, 1L, 2L);
    }

    /** Runs {@code prepare} in the prepare-commit phase of a command's unit of work, in its own transaction. */
    private void command(Consumer<UnitOfWork<?>> prepare) {
        inUnitOfWork(GenericCommandMessage.asCommandMessage("a command"), prepare);
    }

    private void inUnitOfWork(Message<?> message, Consumer<UnitOfWork<?>> prepare) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(prepare::accept);
        unitOfWork.commit();
    }

    private static long writesOf(Runnable work) {
        long before = CountedSocketWrites.WRITES.get();
        work.run();
        return CountedSocketWrites.WRITES.get() - before;
    }

    private GenericDomainEventMessage<Noted> event(long sequence) {
        return new GenericDomainEventMessage<>("Campaign", STREAM, sequence, new Noted("event " + sequence),
                MetaData.emptyInstance(), UUID.nameUUIDFromBytes(("event " + sequence).getBytes()).toString(),
                AT.plusSeconds(sequence));
    }

    /** The stream's sequence numbers in the order they were stored. */
    private List<Long> stored() {
        return jdbc.queryForList("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY globalIndex", Long.class, STREAM);
    }

    private List<String> links() {
        return jdbc.queryForList("SELECT link FROM event_link WHERE chain_id = ? ORDER BY chain_seq", String.class,
                STREAM);
    }
}
