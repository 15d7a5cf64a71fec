package org.campaignengine.api.availability;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code db} health: a connection from the engine's own pool, checked valid, within a bounded time.
 * Spring Boot's indicator waits for the pool as long as a request would and then asks for a check with
 * no time limit, so it answered UP or DOWN only tens of seconds into an outage. Here a check that has
 * not answered within {@code timeout} is DOWN. The check runs on a thread of its own; a probe that
 * comes while one is still waiting for the pool waits for that same check instead of starting another,
 * so probes never pile up threads. Nothing is remembered between checks.
 */
class DatabaseHealthIndicator implements HealthIndicator, AutoCloseable {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Health> running;

    DatabaseHealthIndicator(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        try {
            return check().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no valid connection within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }

    private synchronized CompletableFuture<Health> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::connect, checks);
        }
        return running;
    }

    private Health connect() {
        try (Connection connection = dataSource.getConnection()) {
            int seconds = (int) Math.max(1, timeout.toSeconds());
            Health.Builder health = connection.isValid(seconds) ? Health.up() : Health.down();
            return health.withDetail("database", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return Health.down(e).build();
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
