package org.campaignengine.projections.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The new rows a batch of events adds to one read-model table, written in one go: through {@code COPY} on
 * PostgreSQL ({@link CopyIn}), as a batched INSERT on H2. Activity adds rows by the thousand (a contact, a
 * conversation, a message per record), and COPY costs the engine and the database a fraction of the same
 * rows' INSERT. Either way a row whose key is stored already fails the batch with a
 * {@code DuplicateKeyException}.
 */
public final class NewRows {

    private final JdbcTemplate jdbc;
    private final CopyIn copy;
    private final String insert;

    public NewRows(JdbcTemplate jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.copy = Databases.isPostgres(jdbc) ? new CopyIn(jdbc, table, columns) : null;
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + Chunks.placeholders(columns) + ")";
    }

    /** The columns of a comma-separated select list, such as a table's {@code COLUMNS} constant. */
    public static List<String> columns(String list, String... more) {
        List<String> columns = new ArrayList<>();
        for (String column : list.split(",")) {
            columns.add(column.strip());
        }
        columns.addAll(Arrays.asList(more));
        return columns;
    }

    /** Writes the rows, each its values in the columns' order. */
    public void write(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (copy != null) {
            copy.rows(rows);
        } else {
            jdbc.batchUpdate(insert, rows);
        }
    }
}
