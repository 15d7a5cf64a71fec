package org.campaignengine.api.migrations;

import javax.sql.DataSource;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link RewordedMigrationChecksumsContract} on PostgreSQL, in a database of its own, dropped after each test. */
@PostgresTest
class PostgresRewordedMigrationChecksumsTest extends RewordedMigrationChecksumsContract {

    private FreshDatabase database;
    private DataSource dataSource;

    @Override
    DataSource dataSource() {
        if (dataSource == null) {
            database = FreshDatabase.create();
            dataSource = new DriverManagerDataSource(database.jdbcUrl());
        }
        return dataSource;
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @AfterEach
    void drop() {
        if (database != null) {
            database.close();
        }
    }
}
