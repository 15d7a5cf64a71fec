package org.campaignengine.api.store;

import java.sql.Connection;
import java.util.Arrays;
import java.util.Properties;

import org.campaignengine.testsupport.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A pooled data source migrated by Flyway with the engine's own migrations, found where
 * application.yml says ({@code spring.flyway.locations}, {@code {vendor}} filled in as Spring Boot
 * does), so a store can be tested on each database without starting the engine.
 */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** {@code vendor} as Spring Boot names it: {@code h2}, {@code postgresql}. */
    public static HikariDataSource open(String url, String vendor) {
        return open(url, vendor, "latest");
    }

    /** Migrated only up to {@code version}, as a store an older engine left; {@link #migrate} takes it further. */
    public static HikariDataSource open(String url, String vendor, String version) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(10);
        HikariDataSource dataSource = new HikariDataSource(config);
        migrate(dataSource, vendor, version);
        return dataSource;
    }

    public static void migrate(HikariDataSource dataSource, String vendor, String version) {
        Flyway.configure().dataSource(dataSource).locations(locations(vendor)).target(version).load().migrate();
    }

    /** A fresh PostgreSQL database (only in a {@code @PostgresTest} class), migrated; closing drops it. */
    public static Fresh postgres() {
        FreshDatabase fresh = FreshDatabase.create();
        return new Fresh(fresh, open(fresh.jdbcUrl(), "postgresql"));
    }

    /**
     * A fresh PostgreSQL database migrated before the class's tests and dropped after them, for a
     * {@code @PostgresTest} class: {@code @RegisterExtension static final MigratedDatabase.PerClass database =
     * MigratedDatabase.perClass();}.
     */
    public static PerClass perClass() {
        return new PerClass();
    }

    /** See {@link #perClass()}. */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private Fresh fresh;

        private PerClass() {
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            fresh = postgres();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (fresh != null) {
                fresh.close();
                fresh = null;
            }
        }

        public HikariDataSource dataSource() {
            return fresh.dataSource();
        }
    }

    /** What Flyway hands a Java migration: here only the connection, for running one step by hand. */
    public static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    /** A migrated fresh database and its pool, closed and dropped together. */
    public record Fresh(FreshDatabase database, HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
            database.close();
        }
    }

    private static String[] locations(String vendor) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String configured = properties == null ? null : properties.getProperty("spring.flyway.locations");
        if (configured == null) {
            throw new IllegalStateException("application.yml names no spring.flyway.locations");
        }
        return Arrays.stream(configured.split(",")).map(String::trim)
                .map(location -> location.replace("{vendor}", vendor)).toArray(String[]::new);
    }
}
