package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@link AxonTables} is the one adapter for direct reads of Axon's tables: no other main source names one of
 * them in a string (SQL), so a change of Axon's schema is met in one place, under its contract test. Comments
 * may name them; Flyway's SQL migrations, which make the tables, are not Java and are not read here.
 */
class AxonTablesNamedOnceTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern AXON_TABLE_IN_A_STRING = Pattern.compile(
            "\"[^\"\\n]*\\b(DomainEventEntry|SnapshotEventEntry|TokenEntry|DeadLetterEntry|SagaEntry|"
                    + "AssociationValueEntry)\\b[^\"\\n]*\"", Pattern.CASE_INSENSITIVE);

    @Test
    void no_main_source_but_the_adapter_names_an_axon_table_in_its_sql() throws IOException {
        assertThat(SOURCES).as("run from the module's folder").isDirectory();
        List<String> naming;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            naming = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("org/campaignengine/api/eventstore/AxonTables.java")))
                    .flatMap(AxonTablesNamedOnceTest::namings).toList();
        }
        assertThat(naming).as("Axon's tables named outside AxonTables").isEmpty();
    }

    @Test
    void the_check_sees_a_table_named_in_sql() {
        assertThat(AXON_TABLE_IN_A_STRING.matcher("jdbc.query(\"SELECT payload FROM DomainEventEntry e\")").find())
                .isTrue();
        assertThat(AXON_TABLE_IN_A_STRING.matcher("/** the JDBC table {@code DomainEventEntry} */").find()).isFalse();
    }

    private static Stream<String> namings(Path file) {
        try {
            String text = Files.readString(file);
            Matcher found = AXON_TABLE_IN_A_STRING.matcher(text);
            return found.results().map(m -> SOURCES.relativize(file) + ": " + m.group());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
