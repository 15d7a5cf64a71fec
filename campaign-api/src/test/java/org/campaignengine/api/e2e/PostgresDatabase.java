package org.campaignengine.api.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the PostgreSQL suites run against: {@code CAMPAIGN_TEST_POSTGRES_URL}
 * (a JDBC URL of any database on it, with credentials), by default the local server with trust auth.
 * Each suite gets a database of its own; databases of earlier runs are dropped when they are old.
 * Used as a JUnit condition: without a reachable server the suite is skipped, saying how to run it.
 */
public final class PostgresDatabase implements ExecutionCondition {

    static final String URL = System.getenv().getOrDefault("CAMPAIGN_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    private static final String PREFIX = "campaign_e2e_";
    private static final long STALE_MILLIS = 2 * 60 * 60 * 1000L;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Connection ignored = DriverManager.getConnection(URL)) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
        } catch (SQLException e) {
            return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + URL + " (" + e.getMessage()
                    + "); start it, or set CAMPAIGN_TEST_POSTGRES_URL, to run the PostgreSQL suite");
        }
    }

    /** Creates a new, empty database and answers its JDBC URL. */
    public static String createFresh() {
        String name = PREFIX + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection connection = DriverManager.getConnection(URL); Statement sql = connection.createStatement()) {
            dropStale(sql);
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " at " + URL, e);
        }
        return URL.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
    }

    private static void dropStale(Statement sql) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (System.currentTimeMillis() - Long.parseLong(parts[0]) > STALE_MILLIS) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
