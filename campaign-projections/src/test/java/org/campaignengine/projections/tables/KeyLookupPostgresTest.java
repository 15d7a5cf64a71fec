package org.campaignengine.projections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyLookupContract} on PostgreSQL, plus its plan: on a table never analyzed (no statistics, as on
 * a server without autovacuum), every key is a probe of the primary key, never a scan of the campaign.
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
}
