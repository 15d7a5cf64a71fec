package org.campaignengine.projections.tables;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads the rows with the given keys: of one campaign from a table keyed (campaign_id, key), how every
 * read model and the activity store look up the contacts, callers or records a batch of activity names;
 * or by a table's own unique key, how the audit trail, the anchors and the status index look up the
 * events or campaigns of a batch.
 *
 * <p>On PostgreSQL the plan must not depend on table statistics, which may be missing (a server without
 * autovacuum) or stale (a table that grew by a million rows since). With {@code campaign_id = ? AND key
 * IN (...)} and no statistics the planner reads every row of the campaign and compares each with every
 * listed key, a batch of 10,000 records then costs minutes on a large campaign. A plain {@code key IN
 * (...)} fares no better: its plan is cached with the connection's prepared statement, and one made while
 * the table was nearly empty (a new store, a read model being rebuilt) scans the whole table for every
 * batch ever after, as long as nothing analyzes the table; on the event links that was most of a core.
 * Here each key is looked up on its own, in one statement: {@code unnest} the keys and probe the key's
 * index per key (the {@code OFFSET 0} keeps the probe a separate step the planner cannot turn into a
 * scan), which is the cheapest plan at any table size, so also the one cached.
 * H2 uses the plain {@code IN} list, in {@link Chunks}, which it answers from the primary key.
 */
public final class KeyLookup {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public KeyLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(jdbc);
    }

    /** The PostgreSQL statement: its parameters are the keys (an array) and the campaign. */
    static String postgresSql(String columns, String table, String keyColumn) {
        return probes(columns, table, "campaign_id = ? AND " + keyColumn);
    }

    /** The PostgreSQL statement for a table's own unique key: its one parameter is the keys (an array). */
    static String postgresUniqueSql(String columns, String table, String keyColumn) {
        return probes(columns, table, keyColumn);
    }

    /** One probe per key: {@code keyCondition = key} for each of the unnested keys. */
    private static String probes(String columns, String table, String keyCondition) {
        return "SELECT t.* FROM unnest(?) AS k(key) CROSS JOIN LATERAL (SELECT " + columns + " FROM " + table
                + " WHERE " + keyCondition + " = k.key OFFSET 0) t";
    }

    /**
     * Hands each row of {@code table} whose {@code keyColumn} (unique in the table) is among {@code keys}
     * to {@code rows}, with the given {@code columns}, in any order; {@code type} is the keys' Java type
     * ({@code String} or {@code Long}).
     */
    public <K> void byUniqueKey(String columns, String table, String keyColumn, Class<K> type, Collection<K> keys,
                                RowCallbackHandler rows) {
        if (keys.isEmpty()) {
            return;
        }
        if (postgres) {
            @SuppressWarnings("unchecked")
            K[] array = keys.toArray((K[]) Array.newInstance(type, 0));
            jdbc.query(postgresUniqueSql(columns, table, keyColumn), rows, (Object) array);
            return;
        }
        inSlices("SELECT " + columns + " FROM " + table + " WHERE " + keyColumn, List.of(), keys, "", rows);
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
        inSlices("SELECT " + columns + " FROM " + table + " WHERE campaign_id = ? AND " + keyColumn,
                List.of(campaignId), keys, order, rows);
    }

    /** H2: {@code head IN (slice) tail} for each slice of the keys, the leading arguments first. */
    private void inSlices(String head, List<Object> leading, Collection<?> keys, String tail, RowCallbackHandler rows) {
        for (List<?> slice : Chunks.of(keys)) {
            List<Object> args = new ArrayList<>(leading.size() + slice.size());
            args.addAll(leading);
            args.addAll(slice);
            jdbc.query(head + " IN (" + Chunks.placeholders(slice) + ")" + tail, rows, args.toArray());
        }
    }
}
