package org.campaignengine.projections.scope;

import java.util.Optional;

import org.campaignengine.projections.tables.Databases;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model's own row per campaign ({@code campaign_id, office, deleted, version, activity_records} plus
 * whatever the model counts there), kept from the campaign's lifecycle events and, for
 * {@code activity_records}, from each batch of its activity. The table name is the model's constant.
 */
public final class CampaignScopes {

    private final JdbcTemplate jdbc;
    private final String table;

    public CampaignScopes(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * Created: the campaign's row, with its office, as of lifecycle event {@code version}, in one statement. The
     * row is new unless activity that arrived ahead of the campaign made it ({@link #ensure}); then it is updated.
     */
    public void created(String campaignId, String office, long version) {
        jdbc.update(Databases.isPostgres(jdbc)
                        ? "INSERT INTO " + table + " (campaign_id, office, version) VALUES (?, ?, ?) ON CONFLICT (campaign_id) "
                                + "DO UPDATE SET office = EXCLUDED.office, version = EXCLUDED.version"
                        : "MERGE INTO " + table + " (campaign_id, office, version) KEY (campaign_id) VALUES (?, ?, ?)",
                campaignId, office, version);
    }

    /** Edited: the office the campaign now belongs to, as of lifecycle event {@code version}. */
    public void office(String campaignId, String office, long version) {
        int updated = jdbc.update("UPDATE " + table + " SET office = ?, version = ? WHERE campaign_id = ?",
                office, version, campaignId);
        if (updated == 0) {
            jdbc.update("INSERT INTO " + table + " (campaign_id, office, version) VALUES (?, ?, ?)",
                    campaignId, office, version);
        }
    }

    public void deleted(String campaignId, long version) {
        jdbc.update("UPDATE " + table + " SET deleted = TRUE, version = ? WHERE campaign_id = ?", version, campaignId);
    }

    /** Any other lifecycle event: the model has caught up with it. */
    public void reached(String campaignId, long version) {
        jdbc.update("UPDATE " + table + " SET version = CASE WHEN version < ? THEN ? ELSE version END "
                + "WHERE campaign_id = ?", version, version, campaignId);
    }

    /**
     * The row activity counts into. It exists once the campaign's Created was applied; an activity event
     * ahead of it (a store older than this model's rules) gets a row of no office, seen only by callers
     * who see every office, so its counts are not lost.
     */
    public void ensure(String campaignId) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE campaign_id = ?",
                Integer.class, campaignId);
        if (rows == null || rows == 0) {
            jdbc.update("INSERT INTO " + table + " (campaign_id, office, version) VALUES (?, NULL, -1)", campaignId);
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
}
