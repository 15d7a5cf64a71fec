package org.campaignengine.api.migrations;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link RewordedMigrationChecksumsContract} on H2. */
class H2RewordedMigrationChecksumsTest extends RewordedMigrationChecksumsContract {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:reworded_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    @Override
    String vendor() {
        return "h2";
    }
}
