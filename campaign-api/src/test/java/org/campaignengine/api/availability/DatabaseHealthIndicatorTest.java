package org.campaignengine.api.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;

class DatabaseHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final CountDownLatch outageEnds = new CountDownLatch(1);
    private final List<DatabaseHealthIndicator> indicators = new ArrayList<>();

    @AfterEach
    void endOutage() {
        outageEnds.countDown();
        indicators.forEach(DatabaseHealthIndicator::close);
    }

    @Test
    void a_database_that_answers_is_up() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:health-up;DB_CLOSE_DELAY=-1");

        Health health = indicator(h2, Duration.ofSeconds(10)).health();

        assertThat(health.getStatus()).as(health.getDetails().toString()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("database", "H2");
    }

    @Test
    void a_pool_that_gives_up_on_the_database_is_down() {
        Health health = indicator(new Failing(() -> {
            throw new SQLTransientConnectionException("request timed out after 3000ms");
        })).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void a_pool_still_waiting_for_a_connection_is_down_once_the_timeout_has_passed() {
        DatabaseHealthIndicator waiting = indicator(new Failing(this::waitForTheOutageToEnd));

        long started = System.nanoTime();
        Health health = waiting.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(TIMEOUT, TIMEOUT.plusSeconds(2));
    }

    @Test
    void probes_that_come_while_a_check_waits_join_it_instead_of_starting_their_own() throws Exception {
        AtomicInteger connectionsAsked = new AtomicInteger();
        DatabaseHealthIndicator waiting = indicator(new Failing(() -> {
            connectionsAsked.incrementAndGet();
            return waitForTheOutageToEnd();
        }));

        List<CompletableFuture<Health>> probes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            probes.add(CompletableFuture.supplyAsync(waiting::health));
        }

        for (CompletableFuture<Health> probe : probes) {
            assertThat(probe.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.DOWN);
        }
        assertThat(connectionsAsked).hasValue(1);
    }

    private DatabaseHealthIndicator indicator(DataSource dataSource) {
        return indicator(dataSource, TIMEOUT);
    }

    private DatabaseHealthIndicator indicator(DataSource dataSource, Duration timeout) {
        DatabaseHealthIndicator indicator = new DatabaseHealthIndicator(dataSource, timeout);
        indicators.add(indicator);
        return indicator;
    }

    private Connection waitForTheOutageToEnd() throws SQLTransientConnectionException {
        try {
            outageEnds.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SQLTransientConnectionException("request timed out");
    }

    /** A pool during an outage: what it does when asked for a connection. */
    private static final class Failing extends AbstractDataSource {

        interface Attempt {
            Connection connect() throws SQLTransientConnectionException;
        }

        private final Attempt attempt;

        Failing(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        public Connection getConnection() throws SQLTransientConnectionException {
            return attempt.connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLTransientConnectionException {
            return attempt.connect();
        }
    }
}
