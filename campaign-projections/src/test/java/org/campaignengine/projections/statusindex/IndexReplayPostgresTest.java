package org.campaignengine.projections.statusindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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
     * value (V28). The activity figures' sort indexes hold only the rows of shelves that can record activity
     * (V29): the migration's shelf numbers are those {@link Shelf#recordsActivity()} leaves out. Every other
     * sort column's index holds every row, its empty values included.
     */
    @Test
    void the_sort_indexes_of_mostly_empty_columns_and_of_activity_figures_hold_only_the_rows_a_sort_reads() {
        assertThat(indexes()).anySatisfy(index -> assertThat(index).contains("(shelf, row_key)"));
        List<IndexSort.Column> columns = IndexSort.fields().stream()
                .map(field -> IndexSort.of(field, true).orElseThrow().column()).distinct().toList();
        assertThat(columns).filteredOn(IndexSort.Column::sparse).hasSize(8);
        assertThat(columns).filteredOn(IndexSort.Column::activityFigure).extracting(IndexSort.Column::name)
                .containsExactlyInAnyOrder("contacts_messaged", "click_through_rate", "cost_micros",
                        "callers_logged_in");
        String neverLaunched = Arrays.stream(Shelf.values()).filter(shelf -> !shelf.recordsActivity())
                .map(shelf -> String.valueOf(shelf.code())).collect(Collectors.joining(", "));
        assertThat(neverLaunched).isEqualTo("2, 3, 7");
        for (IndexSort.Column column : columns) {
            String name = column.name();
            assertThat(indexes()).as(name).anySatisfy(index -> {
                assertThat(index).contains("(shelf, " + name + ", row_key)");
                if (column.sparse()) {
                    assertThat(index).endsWith("WHERE (" + name + " IS NOT NULL)");
                } else if (column.activityFigure()) {
                    assertThat(index).endsWith("WHERE (shelf <> ALL (ARRAY[" + neverLaunched + "]))");
                } else {
                    assertThat(index).endsWith("(shelf, " + name + ", row_key)");
                }
            });
        }
    }
}
