package org.campaignengine.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.fasterxml.jackson.databind.JsonNode;

/** The engine's read models as the bench watches them: how far a processor is behind the event store's head. */
final class ReadSide {

    private final HttpApi api;
    private final BenchDatabase database;

    ReadSide(HttpApi api, BenchDatabase database) {
        this.api = api;
        this.database = database;
    }

    long head() throws SQLException {
        try (Connection c = database.connect(); Statement sql = c.createStatement();
             ResultSet rs = sql.executeQuery("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the read model has processed every event up to {@code head}; answers the seconds waited. */
    double awaitCaughtUp(String readModel, long head, long timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        while (!caughtUp(readModel, head)) {
            if (BenchDatabase.seconds(start) > timeoutSeconds) {
                throw new IllegalStateException(readModel + " did not reach event " + head + " in " + timeoutSeconds
                        + " s");
            }
            Thread.sleep(200);
        }
        return BenchDatabase.seconds(start);
    }

    /** Waits until every read model of this build has processed every event stored now; answers the seconds. */
    double awaitAll(java.util.List<String> readModels, long timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        long head = head();
        for (String readModel : readModels) {
            if (exists(readModel)) {
                awaitCaughtUp(readModel, head, timeoutSeconds);
            }
        }
        return BenchDatabase.seconds(start);
    }

    /**
     * Waits until the audit anchors cover every event up to {@code head} (they are no read model: the
     * bench reads their table); answers the seconds waited, 0 for a build without anchors.
     */
    double awaitAnchored(long head, long timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        while (true) {
            try (Connection c = database.connect(); Statement sql = c.createStatement();
                 ResultSet rs = sql.executeQuery("SELECT COALESCE(MAX(global_index), 0) FROM chain_anchor")) {
                rs.next();
                if (rs.getLong(1) >= head) {
                    return BenchDatabase.seconds(start);
                }
            } catch (SQLException noAnchors) {
                return 0;
            }
            if (BenchDatabase.seconds(start) > timeoutSeconds) {
                throw new IllegalStateException("the audit anchors did not reach event " + head);
            }
            Thread.sleep(200);
        }
    }

    boolean exists(String readModel) throws Exception {
        return api.get("/api/v1/admin/projections/" + readModel + "/replay").status() == 200;
    }

    private boolean caughtUp(String readModel, long head) throws Exception {
        JsonNode progress = api.get("/api/v1/admin/projections/" + readModel + "/replay").body();
        if (progress.path("replaying").asBoolean() || progress.path("segments").isEmpty()) {
            return false;
        }
        long furthest = 0;
        for (JsonNode segment : progress.path("segments")) {
            if (!segment.path("caughtUp").asBoolean()) {
                return false;
            }
            furthest = Math.max(furthest, segment.path("position").asLong());
        }
        return furthest >= head;
    }

    /** Replays the read model and answers events per second over the events it had to read again. */
    double replay(String readModel, long timeoutSeconds) throws Exception {
        long head = head();
        long start = System.nanoTime();
        HttpApi.Reply started = api.post("/api/v1/admin/projections/" + readModel + "/replay", null);
        if (started.status() != 202) {
            throw new IllegalStateException("replay answered " + started.status() + ": " + started.body());
        }
        awaitCaughtUp(readModel, head, timeoutSeconds);
        return head / BenchDatabase.seconds(start);
    }
}
