package org.campaignengine.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An empty database of one suite's own on the {@link PostgresServer}, dropped on {@link #close()}, even
 * with connections still open. Databases that a killed run left behind are dropped once they are two
 * hours old. Needs PostgreSQL 13 or newer ({@code DROP DATABASE ... WITH (FORCE)}).
 */
public final class FreshDatabase implements AutoCloseable {

    private static final String PREFIX = "campaign_test_";
    private static final Duration STALE = Duration.ofHours(2);

    private final String serverUrl;
    private final String name;

    private FreshDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates the database; the caller closes it. For suites that {@link PostgresTest} lets run. */
    public static FreshDatabase create() {
        String serverUrl = PostgresServer.get().url();
        String name = PREFIX + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement sql = connection.createStatement()) {
            dropStale(sql);
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on "
                    + PostgresServer.get().description(), e);
        }
        return new FreshDatabase(serverUrl, name);
    }

    /** The database's JDBC URL, with the server's credentials. */
    public String jdbcUrl() {
        return serverUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    private static void dropStale(Statement sql) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet names = sql.executeQuery("SELECT datname FROM pg_database WHERE starts_with(datname, '"
                + PREFIX + "')")) {
            while (names.next()) {
                String name = names.getString(1);
                String created = name.substring(PREFIX.length()).split("_")[0];
                if (created.matches("\\d+")
                        && System.currentTimeMillis() - Long.parseLong(created) > STALE.toMillis()) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
