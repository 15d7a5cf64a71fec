package org.campaignengine.projections.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.campaignengine.projections.tables.CommitBuffer;
import org.campaignengine.projections.tables.Databases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model's own row per campaign ({@code campaign_id, office, deleted, version, activity_records} plus
 * whatever the model counts there), kept from the campaign's lifecycle events and, for
 * {@code activity_records}, from each batch of its activity. The table name is the model's constant.
 *
 * <p>What the lifecycle events change (office, deletion, the version reached) is gathered over the processor's
 * batch, one change a campaign, and written as the batch commits: the rows a new campaign makes in one batched
 * insert, the versions the batch's other events reached in one batched update, where every event cost a
 * statement of its own. Anything else that reads or writes the table in the batch ({@link #ensure}, and a model's
 * own columns through {@link #written}) first writes what is gathered, so it sees the rows as the events so far
 * left them. Outside a unit of work a change is written at once.
 */
public final class CampaignScopes {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String pending;

    public CampaignScopes(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
        this.pending = CampaignScopes.class.getName() + "." + table;
    }

    /**
     * Created: the campaign's row, with its office, as of lifecycle event {@code version}. The row is new unless
     * activity that arrived ahead of the campaign made it ({@link #ensure}); then it is updated.
     */
    public void created(String campaignId, String office, long version) {
        change(campaignId, change -> change.office(office, version));
    }

    /** Edited: the office the campaign now belongs to, as of lifecycle event {@code version}. */
    public void office(String campaignId, String office, long version) {
        change(campaignId, change -> change.office(office, version));
    }

    public void deleted(String campaignId, long version) {
        change(campaignId, change -> change.deleted(version));
    }

    /** Any other lifecycle event: the model has caught up with it. */
    public void reached(String campaignId, long version) {
        change(campaignId, change -> change.reached(version));
    }

    /**
     * The row activity counts into. It exists once the campaign's Created was applied; an activity event
     * ahead of it (a store older than this model's rules) gets a row of no office, seen only by callers
     * who see every office, so its counts are not lost.
     */
    public void ensure(String campaignId) {
        flush();
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE campaign_id = ?",
                Integer.class, campaignId);
        if (rows == null || rows == 0) {
            jdbc.update("INSERT INTO " + table + " (campaign_id, office, version) VALUES (?, NULL, -1)", campaignId);
        }
    }

    /**
     * Before a model reads or writes its own columns of the campaign's row: the row exists if the batch's events
     * so far made it (what they gathered is written first if it makes this campaign's row).
     */
    public void written(String campaignId) {
        Change change = CommitBuffer.<Map<String, Change>>existing(pending).map(changes -> changes.get(campaignId))
                .orElse(null);
        if (change != null && change.officeSet) {
            flush();
        }
    }

    /**
     * A batch of {@code records} activity records applied (every record the batch holds, whether or not the
     * model keeps anything of it): the count a read naming the intake's {@code activityVersion} waits for.
     * The row exists: {@link #ensure} came first.
     */
    public void applied(String campaignId, int records) {
        if (records > 0) {
            jdbc.update("UPDATE " + table + " SET activity_records = activity_records + ? WHERE campaign_id = ?",
                    records, campaignId);
        }
    }

    public Optional<CampaignScope> find(String campaignId) {
        return jdbc.query("SELECT campaign_id, office, deleted, version, activity_records FROM " + table
                        + " WHERE campaign_id = ?",
                (rs, n) -> new CampaignScope(rs.getString("campaign_id"), rs.getString("office"),
                        rs.getBoolean("deleted"), rs.getLong("version"), rs.getLong("activity_records")),
                campaignId).stream().findFirst();
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM " + table);
    }

    private void change(String campaignId, Consumer<Change> edit) {
        CommitBuffer.change(pending, campaignId, Change::new, edit, this::write);
    }

    /** Writes what the batch gathered so far; the rest of the batch gathers anew. */
    private void flush() {
        CommitBuffer.writeNow(pending, this::write);
    }

    /**
     * A campaign's row that sets its office is an upsert (new, or made by activity ahead of it); the rows whose
     * events only moved the version or deleted the campaign are updated where they exist. The version only
     * grows, whichever order the statements run in.
     */
    private void write(Map<String, Change> changes) {
        List<Object[]> upserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        changes.forEach((id, change) -> {
            if (change.officeSet) {
                upserts.add(new Object[]{id, change.office, change.deleted, change.version});
            } else if (change.version >= 0 || change.deleted) {
                updates.add(new Object[]{change.deleted, change.version, change.version, id});
            }
        });
        if (!upserts.isEmpty()) {
            jdbc.batchUpdate(Databases.isPostgres(jdbc)
                    ? "INSERT INTO " + table + " AS t (campaign_id, office, deleted, version) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (campaign_id) DO UPDATE SET office = EXCLUDED.office, "
                    + "deleted = t.deleted OR EXCLUDED.deleted, version = GREATEST(t.version, EXCLUDED.version)"
                    : "MERGE INTO " + table + " (campaign_id, office, deleted, version) KEY (campaign_id) "
                    + "VALUES (?, ?, ?, ?)", upserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE " + table + " SET deleted = (deleted OR ?), "
                    + "version = CASE WHEN version < ? THEN ? ELSE version END WHERE campaign_id = ?", updates);
        }
    }

    /**
     * What a batch's lifecycle events did to one campaign's row: the office the last of them set (if any did),
     * whether one deleted it, the highest version reached.
     */
    private static final class Change {
        private boolean officeSet;
        private String office;
        private boolean deleted;
        private long version = -1;

        void office(String office, long version) {
            this.officeSet = true;
            this.office = office;
            reached(version);
        }

        void deleted(long version) {
            this.deleted = true;
            reached(version);
        }

        void reached(long version) {
            this.version = Math.max(this.version, version);
        }
    }
}
