package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A unit of work as a processor's batch runs it (a Spring transaction attached, the token written through the
 * connection provider as it prepares its commit), on a pool of one connection, so the borrower that comes next,
 * on another thread, gets the same physical connection while the unit of work is still finishing. HikariCP
 * closes the statements a borrower left open when it gives the connection back; it can only while it still knows
 * them. A second close of the unit of work's already returned connection made it forget the next borrower's:
 * the clear behind {@code ArrayIndexOutOfBoundsException: Index -1} in {@code FastList} under load.
 */
class SpringConnectionsTest {

    private HikariDataSource pool;
    private ExecutorService otherThread;

    @BeforeEach
    void pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:spring-connections-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setPoolName("spring-connections-test");
        pool = new HikariDataSource(config);
        otherThread = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() throws InterruptedException {
        otherThread.shutdownNow();
        otherThread.awaitTermination(5, TimeUnit.SECONDS);
        pool.close();
    }

    @Test
    void the_engines_provider_leaves_a_connection_its_transaction_gave_back_to_its_next_borrower() throws Exception {
        ConnectionProvider engines = new ConnectionProviderConfiguration().connectionProvider(pool);

        assertThat(nextBorrowersOpenStatementIsClosedWithItsConnection(engines)).isTrue();
    }

    /** Why the engine has its own: Axon's auto-configured provider closes the returned connection again. */
    @Test
    void axons_provider_closes_it_again_and_the_pool_forgets_the_next_borrowers_open_statement() throws Exception {
        ConnectionProvider axons = new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(pool));

        assertThat(nextBorrowersOpenStatementIsClosedWithItsConnection(axons)).isFalse();
    }

    @Test
    void inside_a_transaction_a_unit_of_work_uses_the_transactions_connection_and_commits_with_it() throws Exception {
        ConnectionProvider engines = new ConnectionProviderConfiguration().connectionProvider(pool);
        try (Connection setup = pool.getConnection()) {
            setup.createStatement().execute("CREATE TABLE token (id INT)");
        }
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(pool));
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        unit.attachTransaction(transactions);
        unit.onPrepareCommit(u -> update(engines, "INSERT INTO token VALUES (1)"));
        unit.onPrepareCommit(u -> update(engines, "INSERT INTO token VALUES (2)"));
        unit.commit();

        try (Connection check = pool.getConnection(); ResultSet rows = check.createStatement()
                .executeQuery("SELECT COUNT(*) FROM token")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    /**
     * Runs the batch; once its transaction has committed (its connection back in the pool) and before it cleans
     * up, another thread borrows the connection and prepares a statement it leaves open; after the batch, that
     * thread gives the connection back. Answers whether the pool closed that statement then.
     */
    private boolean nextBorrowersOpenStatementIsClosedWithItsConnection(ConnectionProvider connections) throws Exception {
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(pool));
        AtomicReference<Future<Borrowed>> next = new AtomicReference<>();
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        unit.attachTransaction(transactions);
        unit.onPrepareCommit(u -> query(connections));
        unit.afterCommit(u -> {
            next.set(otherThread.submit(() -> {
                Connection connection = pool.getConnection();
                return new Borrowed(connection, connection.prepareStatement("SELECT 1"));
            }));
            await(next.get());
        });
        unit.commit();

        Borrowed borrowed = next.get().get(5, TimeUnit.SECONDS);
        return otherThread.submit(() -> {
            borrowed.connection().close();
            boolean closed = borrowed.statement().isClosed();
            borrowed.statement().close();
            return closed;
        }).get(5, TimeUnit.SECONDS);
    }

    /** As Axon's token store does: a connection from the provider, one statement, the connection closed. */
    private static void query(ConnectionProvider connections) {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private static void update(ConnectionProvider connections, String sql) {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Borrowed(Connection connection, PreparedStatement statement) {
    }
}
