package org.campaignengine.projections.tables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads the rows of one campaign with the given keys, from a table keyed (campaign_id, key): how every
 * read model and the activity store look up the contacts, callers or records a batch of activity names.
 *
 * <p>On PostgreSQL the plan must not depend on table statistics, which may be missing (a server without
 * autovacuum) or stale (a table that grew by a million rows since). With {@code campaign_id = ? AND key
 * IN (...)} and no statistics the planner reads every row of the campaign and compares each with every
 * listed key, a batch of 10,000 records then costs minutes on a large campaign. Here each key is looked
 * up on its own, in one statement: {@code unnest} the keys and probe the primary key per key (the
 * {@code OFFSET 0} keeps the probe a separate step the planner cannot turn into a scan of the campaign).
 * H2 uses the plain {@code IN} list, in slices, which it answers from the primary key.
 */
public final class KeyLookup {

    private static final int SLICE = 500;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public KeyLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(jdbc);
    }

    /** The PostgreSQL statement: its parameters are the keys (an array) and the campaign. */
    static String postgresSql(String columns, String table, String keyColumn) {
        return "SELECT t.* FROM unnest(?) AS k(key) CROSS JOIN LATERAL (SELECT " + columns + " FROM " + table
                + " WHERE campaign_id = ? AND " + keyColumn + " = k.key OFFSET 0) t";
    }

    /**
     * Hands each row of {@code table} with {@code campaign_id = campaignId} and {@code keyColumn} among
     * {@code keys} to {@code rows}, with the given {@code columns} (a select list of the table's own
     * columns) in the given order ({@code orderBy}: a list of those columns, or empty for any order).
     */
    public void query(String columns, String table, String keyColumn, String campaignId, Collection<String> keys,
                      String orderBy, RowCallbackHandler rows) {
        if (keys.isEmpty()) {
            return;
        }
        String order = orderBy.isEmpty() ? "" : " ORDER BY " + orderBy;
        if (postgres) {
            jdbc.query(postgresSql(columns, table, keyColumn) + order, rows, keys.toArray(new String[0]), campaignId);
            return;
        }
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += SLICE) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + SLICE));
            List<Object> args = new ArrayList<>(slice.size() + 1);
            args.add(campaignId);
            args.addAll(slice);
            jdbc.query("SELECT " + columns + " FROM " + table + " WHERE campaign_id = ? AND " + keyColumn + " IN ("
                    + String.join(", ", slice.stream().map(k -> "?").toList()) + ")" + order, rows, args.toArray());
        }
    }
}
