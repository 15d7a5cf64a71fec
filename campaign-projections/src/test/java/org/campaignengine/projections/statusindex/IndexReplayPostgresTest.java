package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

/** {@link IndexReplayContract} on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class IndexReplayPostgresTest extends IndexReplayContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }

    /**
     * Columns most campaigns leave empty (the sorts' sparse columns): their sort indexes hold only the rows with a
     * value (V28); every other sort column's index holds every row, its empty values included.
     */
    @Test
    void the_sort_indexes_of_mostly_empty_columns_hold_only_rows_with_a_value() {
        assertThat(indexes()).anySatisfy(index -> assertThat(index).contains("(shelf, row_key)"));
        List<IndexSort.Column> columns = IndexSort.fields().stream()
                .map(field -> IndexSort.of(field, true).orElseThrow().column()).distinct().toList();
        assertThat(columns).filteredOn(IndexSort.Column::sparse).hasSize(8);
        for (IndexSort.Column column : columns) {
            String name = column.name();
            assertThat(indexes()).as(name).anySatisfy(index -> {
                assertThat(index).contains("(shelf, " + name + ", row_key)");
                if (column.sparse()) {
                    assertThat(index).endsWith("WHERE (" + name + " IS NOT NULL)");
                } else {
                    assertThat(index).endsWith("(shelf, " + name + ", row_key)");
                }
            });
        }
    }
}
