package org.campaignengine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

@PostgresTest
class FreshDatabaseTest {

    @Test
    void a_fresh_database_is_empty_and_gone_once_closed_even_with_a_connection_open() throws SQLException {
        FreshDatabase database = FreshDatabase.create();
        try (Connection open = DriverManager.getConnection(database.jdbcUrl())) {
            assertThat(count(open, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                    .isZero();

            database.close();
        }

        try (Connection server = DriverManager.getConnection(PostgresServer.get().url())) {
            assertThat(count(server, "SELECT COUNT(*) FROM pg_database WHERE datname = '" + database.name() + "'"))
                    .isZero();
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
