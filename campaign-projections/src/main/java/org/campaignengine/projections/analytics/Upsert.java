package org.campaignengine.projections.analytics;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Adds to counter rows that may not exist yet, in SQL that H2 and PostgreSQL read alike: every row is
 * updated in one batch, and those the update did not find are inserted in a second. No other writer
 * can insert a row between the two: the analytics processor is the only writer of these tables, and it
 * applies a campaign's events one at a time.
 */
final class Upsert {

    private Upsert() {
    }

    /** {@code updates} and {@code inserts} are the same rows, each in its statement's parameter order. */
    static void apply(JdbcTemplate jdbc, String update, List<Object[]> updates, String insert, List<Object[]> inserts) {
        if (updates.isEmpty()) {
            return;
        }
        int[] counts = jdbc.batchUpdate(update, updates);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalStateException("the JDBC driver did not say whether a row was updated");
            }
            if (counts[i] == 0) {
                missing.add(inserts.get(i));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate(insert, missing);
        }
    }
}
