package org.campaignengine.projections.analytics;

import static org.campaignengine.projections.analytics.StateTable.instant;
import static org.campaignengine.projections.tables.Columns.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.tables.CommitBuffer;
import org.campaignengine.projections.tables.Saturating;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code analytics_campaign} rows: what the lifecycle tells analytics (channel, office, contact list size,
 * active range, deletion, the version applied) and the counters activity moves, one statement per batch.
 *
 * <p>A new campaign's row and the version the batch's other lifecycle events reached are gathered over the
 * processor's batch and written as it commits (one batched insert, one batched update), where each event cost a
 * statement of its own; every other write, and so anything activity does, first writes what is gathered.
 */
final class AnalyticsCampaigns {

    /** Costs are reported figures of any size: their sum saturates; the other counters count records. */
    private static final String ADD_COUNTERS = "UPDATE analytics_campaign SET "
            + Arrays.stream(Counter.values()).map(c -> c == Counter.COST_MICROS ? Saturating.sql(c.column)
                    : c.column + " = " + c.column + " + ?")
            .collect(Collectors.joining(", ")) + " WHERE campaign_id = ?";

    private static final String INSERT = "INSERT INTO analytics_campaign (campaign_id, channel, office, contact_total, "
            + "version) VALUES (?, ?, ?, ?, ?)";
    private static final String VERSION = "UPDATE analytics_campaign SET "
            + "version = CASE WHEN version < ? THEN ? ELSE version END WHERE campaign_id = ?";
    private static final String PENDING = AnalyticsCampaigns.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    AnalyticsCampaigns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(String id, Channel channel, CampaignSettings settings, long version) {
        CommitBuffer.<Pending>change(PENDING, id, Pending::new, row -> {
            row.created = new Object[]{id, channel == null ? null : channel.name(), office(settings),
                    contactTotal(settings)};
            row.reached(version);
        }, this::write);
    }

    /** Any other lifecycle event: the row has caught up with it. */
    void version(String id, long version) {
        CommitBuffer.<Pending>change(PENDING, id, Pending::new, row -> row.reached(version), this::write);
    }

    void settings(String id, CampaignSettings settings, long version) {
        update(id, version, "office = ?, contact_total = ?", office(settings), contactTotal(settings));
    }

    /** Only the first launch starts the range. */
    void launched(String id, Instant at, long version) {
        update(id, version, "launched_at = COALESCE(launched_at, ?)", time(at));
    }

    void ended(String id, Instant at, long version) {
        update(id, version, "ended_at = ?", time(at));
    }

    void reopened(String id, long version) {
        update(id, version, "ended_at = NULL");
    }

    void deleted(String id, long version) {
        update(id, version, "deleted = TRUE");
    }

    void add(String id, Counter.Deltas deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        flush();
        List<Object> values = new ArrayList<>();
        for (Counter counter : Counter.values()) {
            if (counter == Counter.COST_MICROS) {
                values.addAll(Saturating.sqlArguments(deltas.get(counter)));
            } else {
                values.add(deltas.get(counter));
            }
        }
        values.add(id);
        jdbc.update(ADD_COUNTERS, values.toArray());
    }

    Optional<AnalyticsRow> find(String id) {
        return jdbc.query("SELECT * FROM analytics_campaign WHERE campaign_id = ?", (rs, n) -> {
            Map<Counter, Long> counters = new EnumMap<>(Counter.class);
            for (Counter counter : Counter.values()) {
                counters.put(counter, rs.getLong(counter.column));
            }
            String channel = rs.getString("channel");
            return new AnalyticsRow(rs.getString("campaign_id"), channel == null ? null : Channel.valueOf(channel),
                    rs.getString("office"), rs.getBoolean("deleted"),
                    rs.getLong("version"), rs.getLong("contact_total"), instant(rs, "launched_at"),
                    instant(rs, "ended_at"), counters);
        }, id).stream().findFirst();
    }

    private void update(String id, long version, String assignments, Object... values) {
        flush();
        List<Object> args = new ArrayList<>(Arrays.asList(values));
        args.add(version);
        args.add(id);
        jdbc.update("UPDATE analytics_campaign SET " + assignments + ", version = ? WHERE campaign_id = ?",
                args.toArray());
    }

    /** Writes what the batch gathered so far; the rest of the batch gathers anew. */
    private void flush() {
        CommitBuffer.writeNow(PENDING, this::write);
    }

    private void write(Map<String, Pending> rows) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> versions = new ArrayList<>();
        rows.forEach((id, row) -> {
            if (row.created != null) {
                Object[] values = Arrays.copyOf(row.created, row.created.length + 1);
                values[row.created.length] = row.version;
                inserts.add(values);
            } else {
                versions.add(new Object[]{row.version, row.version, id});
            }
        });
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(INSERT, inserts);
        }
        if (!versions.isEmpty()) {
            jdbc.batchUpdate(VERSION, versions);
        }
    }

    /** A campaign's row as the batch's lifecycle events left it: made (the new row's values), the version reached. */
    private static final class Pending {
        private Object[] created;
        private long version = -1;

        void reached(long version) {
            this.version = Math.max(this.version, version);
        }
    }

    private static String office(CampaignSettings settings) {
        return settings == null ? null : settings.office();
    }

    private static long contactTotal(CampaignSettings settings) {
        return settings == null || settings.contactList() == null ? 0 : settings.contactList().size();
    }
}
