package org.campaignengine.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.domain.privacy.PersonalData.Revealed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/** Sealing and opening under per-contact keys, and what forgetting a contact leaves (on H2). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactKeysTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private HikariDataSource dataSource;
    private ContactKeys keys;

    @BeforeAll
    void open() {
        dataSource = MigratedDatabase.open("jdbc:h2:mem:keys_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2");
        keys = new ContactKeys(new JdbcTemplate(dataSource), Clock.fixed(NOW, ZoneOffset.UTC), TestKeks.FIRST);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void a_sealed_value_holds_no_clear_text_and_opens_for_its_contact_only() {
        String sealed = keys.sealer(List.of("k-1")).seal("k-1", "+1 (415) 555-0101");
        assertThat(sealed).startsWith(PersonalData.SEALED_PREFIX).doesNotContain("555").doesNotContain("0101");
        assertThat(keys.opener(List.of("k-1")).open("k-1", sealed)).isEqualTo(new Revealed("+1 (415) 555-0101", false));
        keys.sealer(List.of("k-2"));
        assertThat(keys.opener(List.of("k-2")).open("k-2", sealed)).as("bound to its contact").isEqualTo(Revealed.GONE);
    }

    @Test
    void the_same_text_seals_differently_each_time_under_one_lasting_key() {
        String first = keys.sealer(List.of("k-3")).seal("k-3", "Ann Lee");
        String second = keys.sealer(List.of("k-3")).seal("k-3", "Ann Lee");
        assertThat(first).isNotEqualTo(second);
        PersonalData.Opener opener = keys.opener(List.of("k-3"));
        assertThat(opener.open("k-3", first).text()).isEqualTo("Ann Lee");
        assertThat(opener.open("k-3", second).text()).isEqualTo("Ann Lee");
    }

    @Test
    void an_altered_sealed_value_does_not_open() {
        String sealed = keys.sealer(List.of("k-4")).seal("k-4", "Bo Chen");
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThat(keys.opener(List.of("k-4")).open("k-4", altered)).isEqualTo(Revealed.GONE);
    }

    @Test
    void forgetting_destroys_the_key_for_good_and_is_recorded_once() {
        String sealed = keys.sealer(List.of("k-5")).seal("k-5", "Cy Diaz");
        ContactKeys.Forgotten forgotten = keys.forget("k-5", "admin");
        assertThat(forgotten).isEqualTo(new ContactKeys.Forgotten("k-5", NOW, "admin"));
        assertThat(keys.opener(List.of("k-5")).open("k-5", sealed)).isEqualTo(Revealed.GONE);
        assertThat(keys.sealer(List.of("k-5")).seal("k-5", "Cy Diaz")).as("nothing new is kept").isNull();
        assertThat(keys.forget("k-5", "someone-else").forgottenBy()).isEqualTo("admin");
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM contact_key WHERE contact_id = 'k-5' AND secret IS NULL", Integer.class)).isEqualTo(1);
    }

    @Test
    void a_contact_forgotten_before_it_was_ever_named_never_gets_a_key() {
        keys.forget("k-6", "admin");
        assertThat(keys.sealer(List.of("k-6")).seal("k-6", "Dee")).isNull();
    }

    @Test
    void values_stored_before_sealing_read_as_themselves_and_the_erased_marker_as_erased() {
        PersonalData.Opener opener = keys.opener(List.of("k-7"));
        assertThat(opener.open("k-7", "Plain Name")).isEqualTo(new Revealed("Plain Name", false));
        assertThat(opener.open("k-7", PersonalData.ERASED)).isEqualTo(Revealed.GONE);
        assertThat(opener.open("k-7", null)).isEqualTo(Revealed.NONE);
    }
}
