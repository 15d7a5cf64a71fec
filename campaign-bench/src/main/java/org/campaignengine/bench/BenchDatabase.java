package org.campaignengine.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database of the bench's own on the PostgreSQL server, dropped at the end, and what plain JDBC
 * reaches on it: the baselines the engine's figures are compared with, measured in the same run. The
 * baseline tables live in a schema of their own, so the engine's Flyway finds its schema empty.
 */
final class BenchDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String name;
    private boolean kept;

    private BenchDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    static BenchDatabase create(String serverUrl) throws SQLException {
        String name = "campaign_bench_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(serverUrl); Statement sql = c.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        return new BenchDatabase(serverUrl, name);
    }

    String jdbcUrl() {
        return serverUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
    }

    /** As the engine connects: batches rewritten into multi-row inserts, so the baseline is plain JDBC at its best. */
    Connection connect() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Rows per second of JDBC batch inserts of activity-shaped rows, {@code batch} per transaction. */
    double batchInsertRate(int rows, int batch) throws SQLException {
        try (Connection c = connect()) {
            try (Statement sql = c.createStatement()) {
                sql.execute("CREATE SCHEMA IF NOT EXISTS bench");
                sql.execute("CREATE TABLE bench.baseline_activity (campaign_id VARCHAR(36) NOT NULL, "
                        + "record_id VARCHAR(100) NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "PRIMARY KEY (campaign_id, record_id))");
            }
            c.setAutoCommit(false);
            String campaign = UUID.randomUUID().toString();
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO bench.baseline_activity (campaign_id, record_id, recorded_at) VALUES (?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, campaign);
                    insert.setString(2, "r-" + i);
                    insert.setObject(3, at);
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            return rows / seconds(start);
        }
    }

    /** Rows per second of single-row inserts, each committed on its own (the durable-append limit). */
    /**
     * Plain single-row inserts, each committed on its own, from {@code clients} connections at once (the
     * durable-append limit the engine's commands are compared with): rows per second over all of them.
     */
    double singleInsertRate(int rows, int clients) throws Exception {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("CREATE SCHEMA IF NOT EXISTS bench");
            sql.execute("CREATE TABLE IF NOT EXISTS bench.baseline_append (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<Void>> running = new java.util.ArrayList<>();
            long start = System.nanoTime();
            for (int client = 0; client < clients; client++) {
                running.add(pool.submit(() -> {
                    try (Connection c = connect();
                         PreparedStatement insert = c.prepareStatement("INSERT INTO bench.baseline_append (payload) VALUES (?)")) {
                        for (int i = 0; i < rows / clients; i++) {
                            insert.setString(1, "{\"campaignId\":\"" + UUID.randomUUID() + "\"}");
                            insert.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<Void> each : running) {
                each.get();
            }
            return (rows / clients) * clients / seconds(start);
        } finally {
            pool.shutdownNow();
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * Gathers the planner's statistics of every table, the engine's and the baseline's alike, as autovacuum
     * does on a server that runs it (any production one). The bench's server may run without it (this
     * machine's does): a table the run filled would then be planned as it was when nearly empty, so a page of
     * the status index sorted by name read a whole shelf of 100,000 campaigns and sorted it (150 ms) instead
     * of reading its sort index in order (a few ms), while the baseline's table was analyzed after loading.
     * Run before the comparison's pages, once the commands have filled the tables, and again before the
     * pages with the archived campaigns (five to ten times the live ones' rows, by size): statistics gathered
     * while a table was nearly empty, or a fraction of its size, would mislead the planner as the run fills it.
     * Before that, once the live campaigns are built, only the tables the build wrote ({@link #analyzeChanged}).
     */
    void analyze() throws SQLException {
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            sql.execute("ANALYZE");
        }
    }

    /**
     * Gathers the statistics of the tables autovacuum would analyse now: those changed since their last analysis
     * by more than its threshold (50 rows and a tenth of the table, the server's settings). A table nobody wrote is
     * left as it is: analysed while empty, it would be planned as empty however it grows later in the run (a
     * look-up by key read as a scan), where autovacuum would analyse it again as it grew.
     */
    void analyzeChanged() throws SQLException {
        List<String> changed = new ArrayList<>();
        try (Connection c = connect(); Statement sql = c.createStatement()) {
            try (ResultSet tables = sql.executeQuery("SELECT quote_ident(s.schemaname) || '.' "
                    + "|| quote_ident(s.relname) FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
                    + "WHERE s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::int "
                    + "+ current_setting('autovacuum_analyze_scale_factor')::float8 * GREATEST(c.reltuples, 0)")) {
                while (tables.next()) {
                    changed.add(tables.getString(1));
                }
            }
            for (String table : changed) {
                sql.execute("ANALYZE " + table);
            }
        }
    }

    /** Leaves the database in place when the run ends, to look into it or replay against it again. */
    void keep() {
        kept = true;
    }

    @Override
    public void close() throws SQLException {
        if (kept) {
            System.out.println("database kept: " + jdbcUrl());
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl); Statement sql = c.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
