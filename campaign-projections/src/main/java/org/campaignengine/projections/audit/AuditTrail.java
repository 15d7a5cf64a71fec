package org.campaignengine.projections.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.campaignengine.projections.tables.Columns;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the audit trail. Each filter has an index that ends in time and global position, so a page is one
 * range read in index order; a page says whether more follow instead of counting the whole trail.
 */
public class AuditTrail {

    public static final String ACTIVITY_TYPE = "ActivityRecorded";

    public record Entry(long globalIndex, String eventId, String campaignId, Long sequence, String type,
                        Instant occurredAt, String actor, String requestId) {
    }

    public record Page(List<Entry> items, int page, int size, boolean more) {
    }

    /** A stored event as the trail lists it: its own global position and its identifier. */
    public record Stored(long globalIndex, String eventId) {
    }

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Page page(ListAuditEvents query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.actor() != null) {
            where.append(" AND actor = ?");
            args.add(query.actor());
        }
        if (query.type() != null) {
            where.append(" AND event_type = ?");
            args.add(query.type());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(Columns.time(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(Columns.time(query.to()));
        }
        args.add(query.size() + 1);
        args.add((long) query.page() * query.size());
        List<Entry> rows = jdbc.query("SELECT * FROM audit_event" + where
                + " ORDER BY occurred_at DESC, global_index DESC LIMIT ? OFFSET ?", (rs, n) -> entry(rs), args.toArray());
        boolean more = rows.size() > query.size();
        return new Page(more ? rows.subList(0, query.size()) : rows, query.page(), query.size(), more);
    }

    /** A campaign's activity batches, oldest first, one at a time. */
    public void activityBatches(String campaignId, Consumer<Stored> each) {
        jdbc.query("SELECT global_index, event_id FROM audit_event WHERE campaign_id = ? AND event_type = ? "
                + "ORDER BY global_index", rs -> {
                    each.accept(new Stored(rs.getLong(1), rs.getString(2)));
                }, campaignId, ACTIVITY_TYPE);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        long stored = rs.getLong("sequence_number");
        Long sequence = rs.wasNull() ? null : stored;
        return new Entry(rs.getLong("global_index"), rs.getString("event_id"), rs.getString("campaign_id"),
                sequence, rs.getString("event_type"), Columns.instant(rs, "occurred_at"),
                rs.getString("actor"), rs.getString("request_id"));
    }
}
