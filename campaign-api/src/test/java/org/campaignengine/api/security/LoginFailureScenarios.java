package org.campaignengine.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.campaignengine.api.security.LoginFailureStore.Key;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two throttles over one database, as two engine nodes, each with its own local copy of recent
 * counts. Wall time and the local caches' time are moved by hand. Subclasses choose the database.
 */
abstract class LoginFailureScenarios {

    static final String ATTACKER = "203.0.113.66";
    static final String OWNER = "198.51.100.7";

    abstract HikariDataSource database();

    private Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final String user = "svc-" + UUID.randomUUID();
    private final LoginThrottle nodeA = node();
    private final LoginThrottle nodeB = node();

    @Test
    void failures_counted_on_one_node_make_the_same_key_wait_on_another() {
        fail(nodeA, LoginThrottle.FREE_FAILURES - 1, ATTACKER);
        assertThat(nodeB.wait(user, ATTACKER)).as("free tries left").isZero();
        fail(nodeB, 1, ATTACKER);
        assertThat(nodeB.wait(user, ATTACKER)).as("four failures on A and one on B").isEqualTo(Duration.ofSeconds(1));
        assertThat(node().wait(user, ATTACKER)).as("a third node").isEqualTo(Duration.ofSeconds(1));
        assertThat(nodeA.wait(user, OWNER)).as("the owner's address").isZero();
        assertThat(nodeB.wait(user, OWNER)).isZero();
    }

    @Test
    void a_node_sees_another_nodes_block_once_its_local_copy_is_a_second_old() {
        fail(nodeA, LoginThrottle.FREE_FAILURES - 1, ATTACKER);
        assertThat(nodeB.wait(user, ATTACKER)).isZero();
        fail(nodeA, 2, ATTACKER);
        assertThat(nodeB.wait(user, ATTACKER)).as("its copy is fresh yet").isZero();
        pass(LoginThrottle.LOCAL_FRESHNESS);
        assertThat(nodeB.wait(user, ATTACKER)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_wait_doubles_from_one_second_up_to_five_minutes() {
        fail(nodeA, LoginThrottle.FREE_FAILURES + 2, ATTACKER);
        assertThat(nodeA.wait(user, ATTACKER)).isEqualTo(Duration.ofSeconds(4));
        assertThat(LoginThrottle.waitAfter(LoginThrottle.FREE_FAILURES - 1)).isZero();
        assertThat(LoginThrottle.waitAfter(LoginThrottle.FREE_FAILURES)).hasSeconds(1);
        assertThat(LoginThrottle.waitAfter(LoginThrottle.FREE_FAILURES + 8)).hasSeconds(256);
        assertThat(LoginThrottle.waitAfter(LoginThrottle.FREE_FAILURES + 9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(LoginThrottle.waitAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_right_password_clears_the_count_of_its_own_address_only() {
        fail(nodeA, LoginThrottle.FREE_FAILURES, ATTACKER);
        fail(nodeA, LoginThrottle.FREE_FAILURES, OWNER);
        nodeB.succeeded(user, OWNER);
        assertThat(nodeA.wait(user, ATTACKER)).isEqualTo(Duration.ofSeconds(1));
        assertThat(store().find(new Key(user, OWNER)).count()).isZero();
        assertThat(store().find(new Key(user, ATTACKER)).count()).isEqualTo(LoginThrottle.FREE_FAILURES);
    }

    @Test
    void concurrent_failures_on_two_nodes_are_all_counted() {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> guessers = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            LoginThrottle node = thread % 2 == 0 ? nodeA : nodeB;
            guessers.add(CompletableFuture.runAsync(() -> fail(node, 10, ATTACKER), threads));
        }
        CompletableFuture.allOf(guessers.toArray(CompletableFuture[]::new)).join();
        threads.shutdown();
        LoginFailureStore.Failures counted = store().find(new Key(user, ATTACKER));
        assertThat(counted.count()).isEqualTo(80);
        assertThat(counted.blockedUntil()).isEqualTo(now.plus(LoginThrottle.MAX_WAIT));
    }

    @Test
    void keys_whose_last_failure_is_a_day_old_are_forgotten() {
        fail(nodeA, LoginThrottle.FREE_FAILURES, ATTACKER);
        pass(Duration.ofHours(23));
        fail(nodeA, 1, OWNER);
        pass(Duration.ofHours(2));
        assertThat(nodeB.purgeOlderThan(LoginThrottleConfiguration.FORGET_AFTER)).isPositive();
        assertThat(store().find(new Key(user, ATTACKER)).count()).isZero();
        assertThat(store().find(new Key(user, OWNER)).count()).isEqualTo(1);
    }

    private void fail(LoginThrottle node, int times, String client) {
        for (int i = 0; i < times; i++) {
            node.failed(user, client);
        }
    }

    private void pass(Duration time) {
        now = now.plus(time);
        nanos.addAndGet(time.toNanos());
    }

    private LoginFailureStore store() {
        return new LoginFailureStore(new JdbcTemplate(database()),
                new TransactionTemplate(new DataSourceTransactionManager(database())));
    }

    private LoginThrottle node() {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new LoginThrottle(store(), clock, nanos::get);
    }
}
