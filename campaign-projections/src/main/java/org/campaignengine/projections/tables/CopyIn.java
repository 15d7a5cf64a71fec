package org.campaignengine.projections.tables;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * New rows written through PostgreSQL's {@code COPY ... FROM STDIN} (CSV written by Jackson's CSV generator,
 * every text quoted, so an empty text is not NULL) on the connection of the current transaction. PostgreSQL
 * takes a COPY several times cheaper than the same rows as a batched INSERT, on both sides: the driver binds
 * no parameters and the server parses and plans nothing per row. A row whose key exists fails the whole
 * COPY with a unique violation, which Spring translates to {@code DuplicateKeyException} like an INSERT's. Only for PostgreSQL ({@link Databases}).
 */
public final class CopyIn {

    /** Timestamps as PostgreSQL reads them, years past 9999 without the sign ISO-8601 would give them. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 9, SignStyle.NORMAL).appendPattern("-MM-dd HH:mm:ss.SSSSSSxxx")
            .toFormatter();

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\n");

    private final JdbcTemplate jdbc;
    private final String copy;

    public CopyIn(JdbcTemplate jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
    }

    /** Writes the rows, each its values in the columns' order; answers how many were written. */
    public long rows(Iterable<Object[]> rows) {
        StringWriter csv = new StringWriter(4_096);
        try (CsvGenerator out = CSV.getFactory().createGenerator(csv)) {
            out.setSchema(ROWS);
            out.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
            out.enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS);
            // rows inside one array: a null in a row at the top level would be dropped, not written empty
            out.writeStartArray();
            OffsetDateTime lastTime = null;
            String lastText = null;
            for (Object[] row : rows) {
                out.writeStartArray();
                for (Object value : row) {
                    if (value instanceof OffsetDateTime time) {
                        // rows of one batch often share a time (when it arrived): written once, copied after
                        if (time != lastTime) {
                            lastTime = time;
                            lastText = TIME.format(time);
                        }
                        out.writeString(lastText);
                    } else {
                        field(out, value);
                    }
                }
                out.writeEndArray();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long written = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn(copy, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException(copy + " failed", e);
            }
        });
        return written == null ? 0 : written;
    }

    /**
     * One CSV field: nothing for null (CSV's NULL), text quoted with its quotes doubled (so an empty text
     * stays empty, not null), numbers and booleans as Java writes them, UUIDs as text ({@link #rows}
     * writes the times).
     */
    private static void field(CsvGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Short number) {
            out.writeNumber(number);
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Number number) {
            out.writeNumber(number.toString());
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof UUID key) {
            out.writeString(key.toString());
        } else {
            throw new IllegalArgumentException("COPY cannot write a " + value.getClass().getName());
        }
    }
}
