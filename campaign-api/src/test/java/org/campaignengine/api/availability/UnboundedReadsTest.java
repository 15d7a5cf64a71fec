package org.campaignengine.api.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** On PostgreSQL's driver, whose socket timeout is what a connection's network timeout sets. */
@PostgresTest
class UnboundedReadsTest {

    private static final int SOCKET_TIMEOUT_MS = 75_000;

    private FreshDatabase database;
    private HikariDataSource pool;

    @BeforeEach
    void pool() {
        database = FreshDatabase.create();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setMaximumPoolSize(1);
        config.addDataSourceProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_MS / 1000));
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void close() {
        pool.close();
        database.close();
    }

    @Test
    void a_migration_connection_waits_for_the_server_as_long_as_it_works_and_goes_back_to_the_pool_bounded()
            throws SQLException {
        try (Connection serving = pool.getConnection()) {
            assertThat(serving.getNetworkTimeout()).isEqualTo(SOCKET_TIMEOUT_MS);
        }
        try (Connection migrating = UnboundedReads.of(pool).getConnection()) {
            assertThat(migrating.getNetworkTimeout()).isZero();
        }
        try (Connection serving = pool.getConnection()) {
            assertThat(serving.getNetworkTimeout()).isEqualTo(SOCKET_TIMEOUT_MS);
        }
    }
}
