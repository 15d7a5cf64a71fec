package org.campaignengine.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL server every PostgreSQL test of the build runs against, found once per test JVM, in
 * this order: the server of {@value #URL_VARIABLE} (a JDBC URL with credentials) when it is set, and then
 * only that one; else the local server at 127.0.0.1:5432 (database {@code postgres}, user
 * {@code postgres}, trust auth); else, where Docker runs, a Testcontainers container. Suites never use
 * its database directly: each takes a {@link FreshDatabase} on it.
 */
public final class PostgresServer {

    public static final String URL_VARIABLE = "CAMPAIGN_TEST_POSTGRES_URL";
    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static PostgresServer found;

    private final String url;
    private final String description;

    PostgresServer(String url, String description) {
        this.url = url;
        this.description = description;
    }

    /** The server of this JVM, looked for at the first call. */
    public static synchronized PostgresServer get() {
        if (found == null) {
            found = find(System.getenv(URL_VARIABLE));
        }
        return found;
    }

    static PostgresServer find(String configured) {
        if (configured != null && !configured.isBlank()) {
            return problem(configured)
                    .map(p -> absent(URL_VARIABLE + " points to " + shown(configured) + ", which does not answer ("
                            + p + ")"))
                    .orElseGet(() -> new PostgresServer(configured, shown(configured) + " (" + URL_VARIABLE + ")"));
        }
        Optional<String> local = problem(LOCAL_URL);
        if (local.isEmpty()) {
            return new PostgresServer(LOCAL_URL, shown(LOCAL_URL) + " (the local server)");
        }
        return PostgresContainer.start()
                .map(container -> new PostgresServer(container, shown(container) + " (a Testcontainers container)"))
                .orElseGet(() -> absent("no server answers at 127.0.0.1:5432 (" + local.get()
                        + ") and Docker is not available for Testcontainers"));
    }

    static PostgresServer absent(String why) {
        return new PostgresServer(null, why);
    }

    public boolean available() {
        return url != null;
    }

    /** Where the server is, or why there is none. */
    public String description() {
        return description;
    }

    /** A JDBC URL, with credentials, of the server's maintenance database. */
    String url() {
        if (url == null) {
            throw new IllegalStateException("no PostgreSQL server: " + description);
        }
        return url;
    }

    /** The URL without its parameters, which may hold a password. */
    static String shown(String url) {
        int parameters = url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    private static Optional<String> problem(String url) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid(3) ? Optional.empty() : Optional.of("the connection is not valid");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
