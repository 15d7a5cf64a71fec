package org.campaignengine.api.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.campaignengine.api.migrations.MovedChecksums.Move;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An H2 file made before the portable migrations records the old H2 copies' checksums; it is simulated
 * here by writing those checksums into a database migrated by today's scripts.
 */
class H2LegacyChecksumsTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:legacy_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @Test
    void an_h2_database_migrated_by_the_former_h2_copies_validates_after_its_checksums_are_moved() {
        flyway().migrate();
        H2LegacyChecksums.REPLACED.forEach(r -> recordChecksum(r.version(), r.former()));
        assertThatThrownBy(() -> flyway().validate()).hasMessageContaining("checksum mismatch");

        flyway(new H2LegacyChecksums()).migrate();

        for (Move replaced : H2LegacyChecksums.REPLACED) {
            assertThat(checksum(replaced.version())).as("V" + replaced.version()).isEqualTo(replaced.current());
        }
        flyway().validate();
    }

    @Test
    void any_other_checksum_mismatch_still_fails_validation() {
        flyway().migrate();
        recordChecksum("4", 42);

        assertThatThrownBy(() -> flyway(new H2LegacyChecksums()).migrate()).hasMessageContaining("checksum mismatch");
        assertThat(checksum("4")).isEqualTo(42);
    }

    private Flyway flyway(Callback... callbacks) {
        return Flyway.configure().dataSource(dataSource).callbacks(callbacks)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load();
    }

    private void recordChecksum(String version, int checksum) {
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"checksum\" = ? WHERE \"version\" = ?", checksum, version);
    }

    private int checksum(String version) {
        return jdbc.queryForObject("SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = ?",
                Integer.class, version);
    }
}
