package org.campaignengine.api.engine;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The connections Axon's JDBC components (token store, event storage engine, dead-letter queues) use: Spring's,
 * so inside a Spring transaction the transaction's own, as Axon's {@code SpringDataSourceConnectionProvider} gives
 * them, except that a connection that has already gone back to the pool is never closed a second time.
 *
 * <p>Axon's {@link UnitOfWorkAwareConnectionProviderWrapper} keeps the connection of a unit of work and closes it
 * when the unit of work cleans up. The transaction attached to that unit of work (a processor's batch, a command)
 * has by then committed or rolled back, and Spring's transaction manager has closed that same pooled connection:
 * Axon's Spring provider, finding no transaction bound any more, closed it again. A second {@code close()} of a
 * HikariCP connection is not harmless: before it checks whether it is closed it clears the list of open statements,
 * and that list belongs to the physical connection, which by then another thread may have borrowed. That thread's
 * statements were forgotten, or, when the clear fell between its own removal of a statement and its count going
 * down, its list was corrupted: {@code ArrayIndexOutOfBoundsException: Index -1} in HikariCP's {@code FastList}
 * (seen in a processor's coordinator closing a statement, then in the next borrower's first statement), the
 * batch or the coordinator aborted. {@code SpringConnectionsTest} shows both providers.
 */
final class SpringConnections implements ConnectionProvider {

    private final DataSource dataSource;
    private final ConnectionWrapperFactory.ConnectionCloseHandler release;

    private SpringConnections(DataSource dataSource) {
        this.dataSource = dataSource;
        this.release = new Release(dataSource);
    }

    /** What Axon's auto-configuration builds, with this provider in place of Axon's Spring one. */
    static ConnectionProvider unitOfWorkAware(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringConnections(dataSource));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ConnectionWrapperFactory.wrap(DataSourceUtils.doGetConnection(dataSource), release);
    }

    private static final class Release implements ConnectionWrapperFactory.ConnectionCloseHandler {

        private final DataSource dataSource;

        Release(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void close(Connection connection) {
            if (alreadyClosed(connection)) {
                return;
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }

        @Override
        public void commit(Connection connection) throws SQLException {
            if (!DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
                connection.commit();
            }
        }

        /** Closed by its transaction, or by whoever else held it: back in the pool, perhaps with another borrower. */
        private static boolean alreadyClosed(Connection connection) {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
