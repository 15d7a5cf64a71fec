package org.campaignengine.projections.statusindex;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campaignengine.projections.tables.Chunks;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.projections.tables.Columns;
import org.campaignengine.projections.tables.KeyLookup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether each caller of a campaign is logged in now ({@code campaign_index_caller}): the latest login or
 * logout by its own time wins, whatever order batches arrive in; on a tie, the one reported later.
 */
final class CallerStates {

    private record Change(boolean loggedIn, Instant at) {
    }

    private final JdbcTemplate jdbc;

    CallerStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the batch's logins and logouts; answers the change in callers logged in. */
    int apply(String campaignId, List<ActivityRecord> records, Instant publishedAt) {
        Map<String, Change> latest = new LinkedHashMap<>();
        for (ActivityRecord record : records) {
            boolean login = record.type() == ActivityType.CALLER_LOGGED_IN;
            if ((login || record.type() == ActivityType.CALLER_LOGGED_OUT) && record.callerId() != null
                    && !record.callerId().isBlank()) {
                Change change = new Change(login, record.at() == null ? publishedAt : record.at());
                latest.merge(ActivityFigures.key(record.callerId()), change,
                        (before, after) -> after.at().isBefore(before.at()) ? before : after);
            }
        }
        int delta = 0;
        for (List<String> chunk : Chunks.of(latest.keySet())) {
            Map<String, Change> stored = stored(campaignId, chunk);
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (String caller : chunk) {
                Change change = latest.get(caller);
                Change before = stored.get(caller);
                Object[] row = {change.loggedIn(), Columns.time(change.at()), campaignId, caller};
                if (before == null) {
                    inserts.add(row);
                    delta += change.loggedIn() ? 1 : 0;
                } else if (!change.at().isBefore(before.at())) {
                    updates.add(row);
                    delta += Boolean.compare(change.loggedIn(), before.loggedIn());
                }
            }
            jdbc.batchUpdate("INSERT INTO campaign_index_caller (logged_in, changed_at, campaign_id, caller_id) "
                    + "VALUES (?, ?, ?, ?)", inserts);
            jdbc.batchUpdate("UPDATE campaign_index_caller SET logged_in = ?, changed_at = ? WHERE campaign_id = ? "
                    + "AND caller_id = ?", updates);
        }
        return delta;
    }

    private Map<String, Change> stored(String campaignId, List<String> callers) {
        Map<String, Change> stored = new HashMap<>();
        new KeyLookup(jdbc).query("caller_id, logged_in, changed_at", "campaign_index_caller", "caller_id", campaignId,
                callers, "", rs -> {
                    stored.put(rs.getString(1), new Change(rs.getBoolean(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()));
                });
        return stored;
    }

    void deleteAll() {
        jdbc.update("DELETE FROM campaign_index_caller");
    }
}
