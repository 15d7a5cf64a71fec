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

    /** Columns most campaigns leave empty: their sort indexes hold only the rows with a value (V28). */
    @Test
    void the_sort_indexes_of_mostly_empty_columns_hold_only_rows_with_a_value() {
        assertThat(indexes()).anySatisfy(index -> assertThat(index).contains("(shelf, row_key)"));
        for (String column : List.of("launch_at", "launched_at", "warned_archive_at", "archive_reason",
                "suspended_reason", "status_reason_key", "error_code", "dials_remaining")) {
            assertThat(indexes()).as(column).anySatisfy(index -> assertThat(index)
                    .contains("(shelf, " + column + ", row_key)").endsWith("WHERE (" + column + " IS NOT NULL)"));
        }
        assertThat(indexes()).as("a column most campaigns have keeps every row")
                .anySatisfy(index -> assertThat(index).endsWith("(shelf, name_lower, row_key)"));
    }
}
