package org.campaignengine.projections;

import java.util.UUID;

import javax.sql.DataSource;

import org.campaignengine.testsupport.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A private database for one read model's tests, migrated by Flyway from this module's scripts as the
 * application migrates them ({@code common} plus the database's own folder): in-memory H2, or a fresh
 * PostgreSQL database (only in a {@link org.campaignengine.testsupport.PostgresTest} class), gone on close.
 */
public final class ProjectionDatabase implements AutoCloseable {

    private final String vendor;
    private final JdbcTemplate jdbc;
    private final AutoCloseable disposal;

    private ProjectionDatabase(String vendor, DataSource dataSource, String flywayVendor, AutoCloseable disposal) {
        this.vendor = vendor;
        this.disposal = disposal;
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + flywayVendor)
                .load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public static ProjectionDatabase h2() {
        String url = "jdbc:h2:mem:projection_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        return new ProjectionDatabase("H2", dataSource, "h2", () -> new JdbcTemplate(dataSource).execute("SHUTDOWN"));
    }

    public static ProjectionDatabase postgres() {
        FreshDatabase database = FreshDatabase.create();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(0);
        HikariDataSource dataSource = new HikariDataSource(pool);
        AutoCloseable disposal = () -> {
            try (database) {
                dataSource.close();
            }
        };
        try {
            return new ProjectionDatabase("PostgreSQL", dataSource, "postgresql", disposal);
        } catch (RuntimeException e) {
            dataSource.close();
            database.close();
            throw e;
        }
    }

    /** The application's Axon ObjectMapper ({@code defaultAxonObjectMapper}). */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String vendor() {
        return vendor;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() throws Exception {
        disposal.close();
    }
}
