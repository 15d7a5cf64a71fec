package org.campaignengine.projections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * {@link KeyLookupContract} on PostgreSQL, plus its plan: on a table never analyzed (no statistics, as on
 * a server without autovacuum), every key is a probe of the primary key, never a scan of the campaign;
 * and the plan a connection caches for the statement while the table is empty still probes the key once
 * the table has grown, where an {@code IN} list's cached plan scans the whole table.
 */
@PostgresTest
class KeyLookupPostgresTest extends KeyLookupContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }

    @Test
    void each_key_is_looked_up_in_the_primary_key_whatever_the_statistics() {
        List<String> plan = database.jdbc().queryForList("EXPLAIN " + KeyLookup.postgresSql("item, note", "keyed",
                "item"), String.class, new String[] {"item-1", "item-2"}, "busy");
        assertThat(String.join("\n", plan)).contains("keyed_pkey").doesNotContain("keyed_note")
                .doesNotContain("Seq Scan on keyed");
    }

    @Test
    void the_plan_cached_while_a_table_is_empty_still_probes_its_key_once_it_has_grown() {
        // shaped as the event links; a batch of a dozen events
        database.jdbc().execute("CREATE TABLE growing (id VARCHAR(255) NOT NULL PRIMARY KEY, note CHAR(64))");
        String probe = KeyLookup.postgresUniqueSql("id, note", "growing", "id").replace("?", "$1::varchar[]");
        List<Integer> keys = IntStream.rangeClosed(1, 12).boxed().toList();
        String inList = "SELECT id, note FROM growing WHERE id IN ("
                + String.join(", ", keys.stream().map(n -> "$" + n).toList()) + ")";
        String types = String.join(", ", keys.stream().map(n -> "varchar").toList());
        String values = String.join(", ", keys.stream().map(n -> "'id-" + n + "'").toList());
        List<String> plans = database.jdbc().execute((ConnectionCallback<List<String>>) c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET plan_cache_mode = force_generic_plan");
                s.execute("PREPARE probe AS " + probe);
                s.execute("PREPARE in_list(" + types + ") AS " + inList);
                s.execute("EXECUTE probe(ARRAY[" + values + "])");
                s.execute("EXECUTE in_list(" + values + ")");
                s.execute("INSERT INTO growing SELECT 'id-' || n, 'note' FROM generate_series(1, 20000) AS n");
                List<String> explained = List.of(explain(s, "EXPLAIN EXECUTE probe(ARRAY[" + values + "])"),
                        explain(s, "EXPLAIN EXECUTE in_list(" + values + ")"));
                s.execute("DEALLOCATE ALL");
                s.execute("RESET plan_cache_mode");
                return explained;
            }
        });
        assertThat(plans.get(0)).contains("growing_pkey").doesNotContain("Seq Scan on growing");
        assertThat(plans.get(1)).as("the IN list's plan, cached while the table was empty")
                .contains("Seq Scan on growing");
    }

    private static String explain(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
