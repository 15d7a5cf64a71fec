package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.ProxyConnection;
import com.zaxxer.hikari.util.FastList;

/**
 * What a node catching up does to its pool, for a few seconds: threads running batches as the processors' work
 * packages do (a transaction attached, a statement through the connection provider as the batch prepares its
 * commit, some work after it commits), and threads reading in short transactions as the coordinators read events,
 * on fewer connections than threads. Each reader checks, while its statement is open, that the pool still counts
 * it among its connection's open statements. With Axon's auto-configured provider, batches closed their connection
 * a second time after it had gone back to the pool, which cleared those of whoever held it next: hundreds of times
 * a second here, and now and then mid-removal, the {@code ArrayIndexOutOfBoundsException: Index -1} in HikariCP's
 * {@code FastList} the engine logged. Reads HikariCP's own list of open statements (a private field).
 */
class SpringConnectionsUnderLoadTest {

    private static final Duration RUN = Duration.ofSeconds(3);
    private static final Field OPEN_STATEMENTS = openStatements();

    @Test
    void no_batch_touches_the_open_statements_of_the_connections_next_borrower() throws InterruptedException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:spring-connections-load-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(2);
        config.setPoolName("spring-connections-load-test");
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicLong forgotten = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ConnectionProvider connections = new ConnectionProviderConfiguration().connectionProvider(pool);
            TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(pool));
            long end = System.nanoTime() + RUN.toNanos();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                threads.add(new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
                            batch.attachTransaction(transactions);
                            batch.onPrepareCommit(u -> read(connections, 1, null));
                            batch.afterCommit(u -> busy(Duration.ofNanos(50_000)));
                            batch.commit();
                        } catch (RuntimeException | Error e) {
                            failures.computeIfAbsent("batch: " + e, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }, "batch-" + i));
                threads.add(new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            transactions.fetchInTransaction(() -> read(connections, 50, () -> {
                                Connection pooled = DataSourceUtils.getConnection(pool);
                                try {
                                    if (openStatements(pooled) == 0) {
                                        forgotten.incrementAndGet();
                                    }
                                } finally {
                                    DataSourceUtils.releaseConnection(pooled, pool);
                                }
                            }));
                            reads.incrementAndGet();
                        } catch (RuntimeException | Error e) {
                            failures.computeIfAbsent("read: " + e, k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }, "read-" + i));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        assertThat(reads.get()).as("reads done").isPositive();
        assertThat(failures).as("failures").isEmpty();
        assertThat(forgotten.get()).as("reads whose open statement the pool no longer knew of").isZero();
    }

    /** A statement through the provider, its rows read; {@code whileOpen} runs before it is closed. */
    private static int read(ConnectionProvider connections, int rows, Runnable whileOpen) {
        Connection connection = null;
        try {
            connection = connections.getConnection();
            PreparedStatement statement = connection.prepareStatement("SELECT X FROM SYSTEM_RANGE(1, ?)");
            try {
                statement.setInt(1, rows);
                int read = 0;
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        read++;
                    }
                }
                if (whileOpen != null) {
                    whileOpen.run();
                }
                return read;
            } finally {
                JdbcUtils.closeQuietly(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }

    private static int openStatements(Connection pooled) {
        try {
            return ((FastList<?>) OPEN_STATEMENTS.get(pooled)).size();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field openStatements() {
        try {
            Field field = ProxyConnection.class.getDeclaredField("openStatements");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("HikariCP no longer keeps ProxyConnection.openStatements", e);
        }
    }

    private static void busy(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
