package org.campaignengine.projections.analytics;

import static org.campaignengine.projections.tables.Columns.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.campaignengine.projections.analytics.States.Caller;
import org.campaignengine.projections.analytics.States.Contact;
import org.campaignengine.projections.analytics.States.Delivery;
import org.campaignengine.projections.analytics.States.Message;
import org.campaignengine.projections.tables.KeyLookup;
import org.campaignengine.projections.tables.NewRows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One table of per-key states (contacts, messages, callers), read for a whole batch in one statement
 * and written back in two batches: the rows the batch made, and the rows it changed.
 */
final class StateTable<S> {

    @FunctionalInterface
    interface Reader<S> {
        S read(ResultSet rs) throws SQLException;
    }

    static final StateTable<Contact> CONTACTS = new StateTable<>("analytics_contact", "contact_key",
            List.of("messaged", "responded", "opted_out", "dialed", "awaiting_since"),
            rs -> new Contact(rs.getBoolean("messaged"), rs.getBoolean("responded"), rs.getBoolean("opted_out"),
                    rs.getBoolean("dialed"), instant(rs, "awaiting_since")),
            c -> new Object[]{c.messaged(), c.responded(), c.optedOut(), c.dialed(), time(c.awaitingSince())});

    static final StateTable<Message> MESSAGES = new StateTable<>("analytics_message", "message_key",
            List.of("state", "state_at"),
            rs -> new Message(Delivery.valueOf(rs.getString("state")), instant(rs, "state_at")),
            m -> new Object[]{m.delivery().name(), time(m.at())});

    static final StateTable<Caller> CALLERS = new StateTable<>("analytics_caller", "caller_key",
            List.of("logged_in", "state_at"),
            rs -> new Caller(rs.getBoolean("logged_in"), instant(rs, "state_at")),
            c -> new Object[]{c.loggedIn(), time(c.at())});

    final String table;
    private final String keyColumn;
    private final List<String> columns;
    private final Reader<S> reader;
    private final Function<S, Object[]> values;

    private StateTable(String table, String keyColumn, List<String> columns, Reader<S> reader,
                       Function<S, Object[]> values) {
        this.table = table;
        this.keyColumn = keyColumn;
        this.columns = columns;
        this.reader = reader;
        this.values = values;
    }

    /** The stored states of those {@code keys} the campaign has, in one statement. */
    Map<String, S> load(JdbcTemplate jdbc, String campaignId, Collection<String> keys) {
        Map<String, S> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        new KeyLookup(jdbc).query(keyColumn + ", " + String.join(", ", columns), table, keyColumn, campaignId, keys, "",
                rs -> {
                    found.put(rs.getString(1), reader.read(rs));
                });
        return found;
    }

    void save(JdbcTemplate jdbc, String campaignId, KeyedStates<S> states) {
        List<Object[]> inserts = new ArrayList<>();
        states.inserts().forEach((key, state) -> inserts.add(row(values.apply(state), campaignId, key)));
        if (!inserts.isEmpty()) {
            List<String> all = new ArrayList<>(columns);
            all.addAll(List.of("campaign_id", keyColumn));
            new NewRows(jdbc, table, all).write(inserts);
        }
        List<Object[]> updates = new ArrayList<>();
        states.updates().forEach((key, state) -> updates.add(row(values.apply(state), campaignId, key)));
        if (!updates.isEmpty()) {
            String assignments = columns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
            jdbc.batchUpdate("UPDATE " + table + " SET " + assignments + " WHERE campaign_id = ? AND "
                    + keyColumn + " = ?", updates);
        }
    }

    private static Object[] row(Object[] values, String campaignId, String key) {
        Object[] row = Arrays.copyOf(values, values.length + 2);
        row[values.length] = campaignId;
        row[values.length + 1] = key;
        return row;
    }


    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
