package org.campaignengine.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.domain.privacy.PersonalData.Revealed;
import org.campaignengine.projections.tables.Columns;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The contacts' keys as a database keeps them, wrapped by key-encryption keys it does not hold: what a copy
 * of the database alone opens, a rotation, erasure after it, and a store upgraded from keys kept in clear.
 */
abstract class ContactKeyStoreContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);

    /** A fresh store migrated up to {@code version}; closing it disposes of it. */
    abstract HikariDataSource storeAt(String version);

    abstract String vendor();

    @Test
    void a_copy_of_the_database_alone_opens_no_sealed_value() {
        try (HikariDataSource store = storeAt("latest")) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            String sealed = new ContactKeys(jdbc, CLOCK, TestKeks.FIRST).sealer(List.of("c-1")).seal("c-1", "Ann Lee");
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT secret, kek_id FROM contact_key WHERE contact_id = 'c-1'");
            assertThat(row.get("kek_id")).isEqualTo("k1");
            byte[] stored = Base64.getDecoder().decode((String) row.get("secret"));
            byte[] key = TestKeks.FIRST.unwrap("k1", (String) row.get("secret")).getEncoded();

            assertThat(stored).hasSize(40).isNotEqualTo(key);
            for (int from = 0; from + key.length <= stored.length; from++) {
                byte[] window = Arrays.copyOfRange(stored, from, from + key.length);
                assertThat(window).isNotEqualTo(key);
                assertThat(SealedValues.open(new SecretKeySpec(window, "AES"), "c-1", sealed)).isEmpty();
            }
            assertThat(SealedValues.open(new SecretKeySpec(key, "AES"), "c-1", sealed)).contains("Ann Lee");
            assertThatThrownBy(() -> new ContactKeys(jdbc, CLOCK, TestKeks.of(TestKeks.K2)).opener(List.of("c-1")))
                    .as("without its key-encryption key").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'k1'");
            String impostor = KeyEncryptionKeys.newEntry("k1", new SecureRandom());
            assertThatThrownBy(() -> new ContactKeys(jdbc, CLOCK, TestKeks.of(impostor)).opener(List.of("c-1")))
                    .as("another key under the same id").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not the one that wrapped it");
        }
    }

    @Test
    void a_rotation_rewraps_the_kept_keys_under_the_new_key_and_every_sealed_value_still_opens() {
        try (HikariDataSource store = storeAt("latest")) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            ContactKeys before = new ContactKeys(jdbc, CLOCK, TestKeks.FIRST);
            String kept = before.sealer(List.of("c-2")).seal("c-2", "Bo Chen");
            before.sealer(List.of("c-3"));
            before.forget("c-3", "admin");
            String wrappedBefore = secret(jdbc, "c-2");

            KeyEncryptionKeys rotated = TestKeks.of(TestKeks.K2, TestKeks.K1);
            assertThat(new ContactKeys(jdbc, CLOCK, rotated).opener(List.of("c-2")).open("c-2", kept))
                    .as("readable while not yet re-wrapped").isEqualTo(new Revealed("Bo Chen", false));
            assertThat(new ContactKeyRotation(jdbc, rotated).run()).isEqualTo(1);

            assertThat(jdbc.queryForList("SELECT kek_id FROM contact_key ORDER BY contact_id", String.class))
                    .containsExactly("k2", null);
            assertThat(secret(jdbc, "c-2")).isNotEqualTo(wrappedBefore);
            ContactKeys after = new ContactKeys(jdbc, CLOCK, TestKeks.of(TestKeks.K2));
            assertThat(after.opener(List.of("c-2")).open("c-2", kept)).isEqualTo(new Revealed("Bo Chen", false));
            after.sealer(List.of("c-4"));
            assertThat(jdbc.queryForObject("SELECT kek_id FROM contact_key WHERE contact_id = 'c-4'", String.class))
                    .isEqualTo("k2");
            assertThat(new ContactKeyRotation(jdbc, rotated).run()).as("nothing left to re-wrap").isZero();
        }
    }

    @Test
    void forgetting_after_a_rotation_still_destroys_the_key() {
        try (HikariDataSource store = storeAt("latest")) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            String sealed = new ContactKeys(jdbc, CLOCK, TestKeks.FIRST).sealer(List.of("c-5")).seal("c-5", "Cy Diaz");
            KeyEncryptionKeys rotated = TestKeks.of(TestKeks.K2, TestKeks.K1);
            new ContactKeyRotation(jdbc, rotated).run();

            ContactKeys keys = new ContactKeys(jdbc, CLOCK, rotated);
            keys.forget("c-5", "admin");

            assertThat(keys.opener(List.of("c-5")).open("c-5", sealed)).isEqualTo(Revealed.GONE);
            assertThat(jdbc.queryForMap("SELECT secret, kek_id FROM contact_key WHERE contact_id = 'c-5'"))
                    .containsEntry("secret", null).containsEntry("kek_id", null);
            assertThat(new ContactKeyRotation(jdbc, rotated).run()).isZero();
            assertThat(secret(jdbc, "c-5")).as("not brought back by a re-wrap").isNull();
        }
    }

    @Test
    void the_engine_does_not_start_when_a_stored_keys_key_encryption_key_is_missing_or_another() {
        try (HikariDataSource store = storeAt("latest")) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            new ContactKeys(jdbc, CLOCK, TestKeks.FIRST).sealer(List.of("c-6"));

            assertThatThrownBy(() -> new ContactKeyRotation(jdbc, TestKeks.of(TestKeks.K2)).run())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'k1'");
            String impostor = KeyEncryptionKeys.newEntry("k1", new SecureRandom());
            assertThatThrownBy(() -> new ContactKeyRotation(jdbc, TestKeks.of(TestKeks.K2, impostor)).run())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the one that wrapped it");
            assertThat(jdbc.queryForObject("SELECT kek_id FROM contact_key WHERE contact_id = 'c-6'", String.class))
                    .as("nothing re-wrapped").isEqualTo("k1");
        }
    }

    @Test
    void a_store_whose_keys_are_kept_in_clear_has_them_wrapped_on_upgrade_and_its_sealed_values_still_open() {
        try (HikariDataSource store = storeAt("21")) {
            JdbcTemplate jdbc = new JdbcTemplate(store);
            byte[] clearKey = new byte[32];
            new SecureRandom().nextBytes(clearKey);
            String clear = Base64.getEncoder().encodeToString(clearKey);
            String sealed = SealedValues.seal(new SecretKeySpec(clearKey, "AES"), "c-old", "Olive Oldstore",
                    new SecureRandom());
            Object then = Columns.time(CLOCK.instant());
            jdbc.update("INSERT INTO contact_key (contact_id, secret, created_at) VALUES ('c-old', ?, ?)", clear, then);
            jdbc.update("INSERT INTO contact_key (contact_id, secret, created_at, forgotten_at, forgotten_by) "
                    + "VALUES ('c-gone', NULL, ?, ?, 'admin')", then, then);

            MigratedDatabase.migrate(store, vendor(), "23");
            try (Connection connection = store.getConnection()) {
                connection.setAutoCommit(false);
                new WrapContactKeys(TestKeks.FIRST).migrate(MigratedDatabase.context(connection));
                connection.commit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            MigratedDatabase.migrate(store, vendor(), "latest");

            assertThat(secret(jdbc, "c-old")).isNotEqualTo(clear);
            assertThat(Base64.getDecoder().decode(secret(jdbc, "c-old"))).isNotEqualTo(clearKey);
            assertThat(jdbc.queryForList("SELECT kek_id FROM contact_key ORDER BY contact_id", String.class))
                    .containsExactly(null, "k1");
            assertThat(new ContactKeys(jdbc, CLOCK, TestKeks.FIRST).opener(List.of("c-old")).open("c-old", sealed))
                    .isEqualTo(new Revealed("Olive Oldstore", false));
            assertThat(secret(jdbc, "c-gone")).isNull();
            assertThatThrownBy(() -> jdbc.update("INSERT INTO contact_key (contact_id, secret, created_at) "
                    + "VALUES ('c-clear', ?, ?)", clear, then)).as("a key in clear is refused from now on")
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    private static String secret(JdbcTemplate jdbc, String contactId) {
        return jdbc.queryForObject("SELECT secret FROM contact_key WHERE contact_id = ?", String.class, contactId);
    }
}
