package org.campaignengine.projections.statusindex;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.tables.Columns;

/**
 * One {@code campaign_index} row as the events of the current batch leave it: read once per batch,
 * changed in memory by every event of the campaign in the batch, written once when the batch commits
 * ({@link IndexWrites}). Every column is written back, so all rows share one INSERT and one UPDATE
 * statement, which the driver sends as a batch.
 */
final class BatchIndexRow {

    /** Every column of {@code campaign_index}; the columns ending in {@code _at} are times. */
    static final List<String> COLUMNS = List.of("id", "row_key", "channel", "status", "shelf", "name", "office",
            "settings", "phone_numbers", "created_at", "updated_at", "launched_at", "launch_at", "status_reason",
            "archive_reason", "suspended_reason", "error_code", "error_message", "auto_archive_at",
            "auto_archive_warned", "cloned_from", "version", "tags", "start_at", "end_at", "contact_list_name",
            "operated_by", "name_lower", "contact_list_name_lower", "tags_key", "status_reason_key",
            "first_phone_number", "warned_archive_at", "contacts_total", "contacts_messaged", "contacts_dialed",
            "dials_remaining", "messages_delivered", "links_clicked", "click_through_rate", "cost_micros",
            "callers_logged_in");

    private static final Set<String> KNOWN = Set.copyOf(COLUMNS);

    private final Map<String, Object> values = new HashMap<>();
    private final boolean stored;
    private final long storedVersion;
    private boolean changed;

    private BatchIndexRow(boolean stored, long storedVersion) {
        this.stored = stored;
        this.storedVersion = storedVersion;
    }

    /** A row not in the table yet; it is inserted when the batch commits. */
    static BatchIndexRow fresh(String id) {
        BatchIndexRow row = new BatchIndexRow(false, -1);
        row.values.put("id", id);
        row.values.put("row_key", SortKeys.rowKey(id));
        row.changed = true;
        return row;
    }

    static BatchIndexRow read(ResultSet rs) throws SQLException {
        BatchIndexRow row = new BatchIndexRow(true, rs.getLong("version"));
        for (String column : COLUMNS) {
            row.values.put(column, column.endsWith("_at") ? rs.getObject(column, OffsetDateTime.class)
                    : rs.getObject(column));
        }
        return row;
    }

    BatchIndexRow set(String column, Object value) {
        if (!KNOWN.contains(column)) {
            throw new IllegalArgumentException("campaign_index has no column " + column);
        }
        values.put(column, value instanceof Instant instant ? Columns.time(instant) : value);
        changed = true;
        return this;
    }

    Object get(String column) {
        return values.get(column);
    }

    String id() {
        return (String) values.get("id");
    }

    long version() {
        return ((Number) values.get("version")).longValue();
    }

    CampaignStatus status() {
        return CampaignStatus.valueOf((String) values.get("status"));
    }

    Channel channel() {
        return Channel.valueOf((String) values.get("channel"));
    }

    String office() {
        return (String) values.get("office");
    }

    TabCounters.Key key() {
        return new TabCounters.Key(office(), channel(), status());
    }

    Figures figures() {
        return new Figures(number("contacts_total").intValue(), number("contacts_messaged").longValue(),
                number("contacts_dialed").longValue(), number("messages_delivered").longValue(),
                number("links_clicked").longValue(), number("cost_micros").longValue(),
                number("callers_logged_in").intValue());
    }

    /** Stores the figures and those derived from them (click-through rate, dials remaining). */
    void figures(Figures f) {
        set("contacts_total", f.contactsTotal());
        set("contacts_messaged", f.contactsMessaged());
        set("contacts_dialed", f.contactsDialed());
        set("messages_delivered", f.messagesDelivered());
        set("links_clicked", f.linksClicked());
        set("click_through_rate", f.clickThroughRate());
        set("cost_micros", f.costMicros());
        set("callers_logged_in", f.callersLoggedIn());
        set("dials_remaining", f.dialsRemaining(channel()));
    }

    boolean stored() {
        return stored;
    }

    boolean changed() {
        return changed;
    }

    /** The version the row had when it was read: the update applies only if no one changed it since. */
    long storedVersion() {
        return storedVersion;
    }

    /** The values in {@link #COLUMNS} order. */
    Object[] values() {
        Object[] ordered = new Object[COLUMNS.size()];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = values.get(COLUMNS.get(i));
        }
        return ordered;
    }

    private Number number(String column) {
        Object value = values.get(column);
        return value == null ? 0 : (Number) value;
    }
}
