package org.campaignengine.testsupport;

import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL container for a machine with Docker and no server of its own: one per test JVM, removed
 * by Testcontainers' reaper when the JVM ends.
 *
 * <p>It is handed on as a JDBC URL, not through Spring Boot's {@code @ServiceConnection}: only one
 * PostgreSQL suite is a Spring Boot test context (the timer suites start engine nodes themselves, the
 * read-model suites have no Spring at all), every suite wants a fresh database rather than the
 * container's own, and the container is only the last of three places a server may come from. One URL
 * serves all of them alike.
 */
final class PostgresContainer {

    static final String IMAGE = "postgres:15-alpine";

    private PostgresContainer() {
    }

    /** The container's JDBC URL with its credentials, or empty when there is no Docker to run it. */
    static Optional<String> start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.empty();
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE));
        container.start();
        String url = container.getJdbcUrl();
        return Optional.of(url + (url.contains("?") ? "&" : "?") + "user=" + container.getUsername()
                + "&password=" + container.getPassword());
    }
}
