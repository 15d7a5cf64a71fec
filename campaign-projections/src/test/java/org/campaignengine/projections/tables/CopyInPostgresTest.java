package org.campaignengine.projections.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows copied in read back exactly as an INSERT of the same values would have stored them. */
@PostgresTest
class CopyInPostgresTest {

    private static final List<String> COLUMNS = List.of("id", "label", "amount", "ratio", "flag", "key", "at");

    private static ProjectionDatabase database;
    private JdbcTemplate jdbc;

    @BeforeAll
    static void open() {
        database = ProjectionDatabase.postgres();
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @BeforeEach
    void table() {
        jdbc = database.jdbc();
        jdbc.execute("DROP TABLE IF EXISTS copied");
        jdbc.execute("CREATE TABLE copied (id VARCHAR(36) PRIMARY KEY, label TEXT, amount BIGINT, "
                + "ratio DOUBLE PRECISION, flag BOOLEAN, key UUID, at TIMESTAMP WITH TIME ZONE)");
    }

    @Test
    void textKeepsQuotesCommasLineBreaksAndTheEmptyTextApartFromNull() {
        long written = new CopyIn(jdbc, "copied", COLUMNS).rows(List.of(
                new Object[] {"a", "say \"hi\", then\nleave", 1L, 0.5, true, null, null},
                new Object[] {"b", "", 2, 0.0, false, null, null},
                new Object[] {"c", null, null, null, null, null, null},
                new Object[] {"d", "\\N back\\slash ünïcode", (short) 3, 1.0E-7, null, null, null}));

        assertThat(written).isEqualTo(4);
        assertThat(label("a")).isEqualTo("say \"hi\", then\nleave");
        assertThat(label("b")).isEmpty();
        assertThat(label("c")).isNull();
        assertThat(label("d")).isEqualTo("\\N back\\slash ünïcode");
        Map<String, Object> d = jdbc.queryForMap("SELECT amount, ratio, flag FROM copied WHERE id = 'd'");
        assertThat(d.get("amount")).isEqualTo(3L);
        assertThat(d.get("ratio")).isEqualTo(1.0E-7);
        assertThat(d.get("flag")).isNull();
        assertThat(jdbc.queryForObject("SELECT flag FROM copied WHERE id = 'a'", Boolean.class)).isTrue();
    }

    @Test
    void carriageReturnsTheEndOfDataMarkerAndSeparatorsAloneReadBackAsText() {
        List<String> texts = List.of("\r", "line\r\nbreak", "\\.", "\n\\.\n", ",", "\"", " ", "\t");
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(new Object[] {"t" + i, texts.get(i), (long) i, null, null, null, null});
        }

        assertThat(new CopyIn(jdbc, "copied", COLUMNS).rows(rows)).isEqualTo(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(label("t" + i)).as("text %d", i).isEqualTo(texts.get(i));
        }
    }

    @Test
    void uuidsAndTimesWithMicrosecondsAndOffsetsReadBackTheSame() {
        UUID key = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 29, 1, 30, 15, 123_456_000, ZoneOffset.ofHours(-5));
        OffsetDateTime far = OffsetDateTime.of(12_000, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        new CopyIn(jdbc, "copied", COLUMNS).rows(List.of(new Object[] {"a", null, null, null, null, key, at},
                new Object[] {"b", null, null, null, null, null, far}));

        assertThat(jdbc.queryForObject("SELECT key FROM copied WHERE id = 'a'", UUID.class)).isEqualTo(key);
        assertThat(time("a").toInstant()).isEqualTo(at.toInstant());
        assertThat(time("b").toInstant()).isEqualTo(far.toInstant());
    }

    @Test
    void aKeyAlreadyStoredFailsTheWholeCopyWithADuplicateKeyAndWritesNothing() {
        jdbc.update("INSERT INTO copied (id) VALUES ('b')");
        CopyIn copy = new CopyIn(jdbc, "copied", COLUMNS);

        assertThatThrownBy(() -> copy.rows(List.of(new Object[] {"a", "x", null, null, null, null, null},
                new Object[] {"b", "y", null, null, null, null, null}))).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copied", Integer.class)).isEqualTo(1);
    }

    @Test
    void aValueCopyCannotWriteIsRefusedBeforeAnythingIsSent() {
        CopyIn copy = new CopyIn(jdbc, "copied", COLUMNS);

        assertThatThrownBy(() -> copy.rows(List.<Object[]>of(new Object[] {"a", new StringBuilder("x"), null, null,
                null, null, null}))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copied", Integer.class)).isZero();
    }

    private String label(String id) {
        return jdbc.queryForObject("SELECT label FROM copied WHERE id = ?", String.class, id);
    }

    private OffsetDateTime time(String id) {
        return jdbc.queryForObject("SELECT at FROM copied WHERE id = ?", OffsetDateTime.class, id);
    }
}
