package org.campaignengine.projections.statusindex;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.campaignengine.domain.campaign.TimeRules;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A private database for one test class, migrated by Flyway from this module's own scripts as the
 * application migrates them (the portable {@code common} copies plus the database's own folder), with the
 * status index built on it as the application builds it. H2 is an in-memory database in H2's own
 * mode (the migration and the application's file database need no compatibility mode); PostgreSQL
 * is a fresh schema in the {@code test} database, dropped again on {@link #close()}.
 *
 * <p>Only V3 lives in this module. Flyway does not require contiguous versions, and a fresh schema has
 * no applied V1/V2 for it to miss, so no ignore patterns or baseline are needed.
 */
final class IndexDatabase implements AutoCloseable {

    static final String POSTGRES_URL_VARIABLE = "CAMPAIGN_TEST_POSTGRES_URL";
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String POSTGRES_UNREACHABLE = "PostgreSQL not reachable at 127.0.0.1:5432; start it or set "
            + POSTGRES_URL_VARIABLE + " to run these tests";

    private final String vendor;
    private final JdbcTemplate jdbc;
    private final List<String> appliedVersions;
    private final CampaignIndexRepository repository;
    private final CampaignIndexProjection projection;
    private final Disposal disposal;

    private IndexDatabase(String vendor, DataSource dataSource, String flywayVendor, String schema,
                          Disposal disposal) {
        this.vendor = vendor;
        this.disposal = disposal;
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + flywayVendor);
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(false);
        }
        MigrateResult result = flyway.load().migrate();
        this.appliedVersions = result.migrations.stream().map(m -> m.version).toList();
        this.jdbc = new JdbcTemplate(dataSource);
        this.repository = new CampaignIndexRepository(jdbc, objectMapper());
        this.projection = new CampaignIndexProjection(repository, TimeRules.defaults());
    }

    /** An in-memory H2 database of its own, gone when closed. */
    static IndexDatabase h2() {
        String url = "jdbc:h2:mem:campaign_index_" + unique() + ";DB_CLOSE_DELAY=-1";
        DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        return new IndexDatabase("H2", dataSource, "h2", null,
                () -> new JdbcTemplate(dataSource).execute("SHUTDOWN"));
    }

    /** A fresh schema on the PostgreSQL server of {@link #postgresUrl()}; call {@link #postgresProblem()} first. */
    static IndexDatabase postgres() throws SQLException {
        String url = postgresUrl();
        String schema = "campaign_index_test_" + unique();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            return new IndexDatabase("PostgreSQL", new DriverManagerDataSource(schemaUrl), "postgresql", schema,
                    () -> dropSchema(url, schema));
        } catch (RuntimeException e) {
            dropSchema(url, schema);
            throw e;
        }
    }

    static String postgresUrl() {
        String configured = System.getenv(POSTGRES_URL_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_POSTGRES_URL : configured;
    }

    /** Why the PostgreSQL tests cannot run, or empty when the server answers. */
    /** A PostgreSQL database, or a skip (a {@link org.opentest4j.TestAbortedException}) saying why there is none. */
    static IndexDatabase postgresOrSkip() throws SQLException {
        Optional<String> problem = postgresProblem();
        if (problem.isPresent()) {
            throw new org.opentest4j.TestAbortedException(problem.get());
        }
        return postgres();
    }

    static Optional<String> postgresProblem() {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "3");
        try (Connection connection = DriverManager.getConnection(postgresUrl(), properties)) {
            return connection.isValid(3) ? Optional.empty() : Optional.of(POSTGRES_UNREACHABLE);
        } catch (SQLException e) {
            return Optional.of(POSTGRES_UNREACHABLE + " (" + e.getMessage() + ")");
        }
    }

    /** The application's Axon ObjectMapper ({@code defaultAxonObjectMapper}), which the repository is given. */
    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    String vendor() {
        return vendor;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    List<String> appliedVersions() {
        return appliedVersions;
    }

    CampaignIndexRepository repository() {
        return repository;
    }

    CampaignIndexProjection projection() {
        return projection;
    }

    @Override
    public void close() throws SQLException {
        disposal.dispose();
    }

    private static void dropSchema(String url, String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @FunctionalInterface
    private interface Disposal {
        void dispose() throws SQLException;
    }
}
