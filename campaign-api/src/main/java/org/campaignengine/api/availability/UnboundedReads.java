package org.campaignengine.api.availability;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * On PostgreSQL the pool's connections give up on a server that stays silent longer than their socket
 * timeout (75 s, above the 60 s {@code statement_timeout} that ends every engine statement first), so a
 * request caught by a network failure mid-statement does not wait for the operating system. Flyway's
 * migrations and the audit verification run without a statement timeout and may rightly keep the server
 * busy for minutes: their connections wait as long as the server works. The pool restores the timeout
 * when a connection is returned.
 */
public final class UnboundedReads {

    private UnboundedReads() {
    }

    /** Lets {@code connection} wait for the server as long as it takes, until it goes back to the pool. */
    public static void lift(Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, 0);
    }

    /** Connections of {@code dataSource}, each lifted. */
    static DataSource of(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return lifted(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return lifted(super.getConnection(username, password));
            }
        };
    }

    private static Connection lifted(Connection connection) throws SQLException {
        lift(connection);
        return connection;
    }
}
