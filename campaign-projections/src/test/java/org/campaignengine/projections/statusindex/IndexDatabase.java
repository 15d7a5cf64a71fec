package org.campaignengine.projections.statusindex;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
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
 * application migrates (the portable {@code common} copies plus the database's own folder), with the
 * status index built on it as the application builds it. H2 is an in-memory database in H2's own mode
 * (the migrations and the application's file database need no compatibility mode); PostgreSQL is a
 * {@link FreshDatabase} on the build's {@link org.campaignengine.testsupport.PostgresServer}, dropped on
 * {@link #close()}.
 *
 * <p>Only V3 and V5 live in this module. Flyway does not require contiguous versions, and a fresh database
 * has no applied V1/V2 for it to miss, so no ignore patterns or baseline are needed.
 */
final class IndexDatabase implements AutoCloseable {

    private final String vendor;
    private final JdbcTemplate jdbc;
    private final List<String> appliedVersions;
    private final CampaignIndexRepository repository;
    private final CampaignIndexProjection projection;
    private final AutoCloseable disposal;

    private IndexDatabase(String vendor, DataSource dataSource, String flywayVendor, AutoCloseable disposal) {
        this.vendor = vendor;
        this.disposal = disposal;
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + flywayVendor)
                .load()
                .migrate();
        this.appliedVersions = result.migrations.stream().map(m -> m.version).toList();
        this.jdbc = new JdbcTemplate(dataSource);
        this.repository = new CampaignIndexRepository(jdbc, objectMapper());
        this.projection = new CampaignIndexProjection(repository, TimeRules.defaults());
    }

    /** An in-memory H2 database of its own, gone when closed. */
    static IndexDatabase h2() {
        String url = "jdbc:h2:mem:campaign_index_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
        return new IndexDatabase("H2", dataSource, "h2", () -> new JdbcTemplate(dataSource).execute("SHUTDOWN"));
    }

    /** A fresh PostgreSQL database, dropped when closed; only for a {@link PostgresTest} class. */
    static IndexDatabase postgres() {
        FreshDatabase database = FreshDatabase.create();
        try {
            return new IndexDatabase("PostgreSQL", new DriverManagerDataSource(database.jdbcUrl()), "postgresql",
                    database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
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
    public void close() throws Exception {
        disposal.close();
    }
}
