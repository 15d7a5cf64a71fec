package org.campaignengine.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.awaitility.Awaitility;
import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two nodes on one PostgreSQL database, each remembering the accounts it authenticated: a change made on
 * one, or by anyone's SQL, is forgotten by the other at once.
 */
@PostgresTest
class PostgresAccountChangesTest {

    /** How long a node whose listening connection broke waits before it listens again. */
    private static final Duration DEAF_FOR = Duration.ofSeconds(3);

    @RegisterExtension
    static final MigratedDatabase.PerClass database = MigratedDatabase.perClass();

    private JdbcTemplate jdbc;
    private Node first;
    private Node second;

    private record Node(RememberedAccounts remembered, AccountStore store, AccountChanges changes) {
        static Node on(HikariDataSource database) {
            RememberedAccounts remembered = new RememberedAccounts(Ticker.systemTicker(), Duration.ofMinutes(1), false);
            // a connection of its own, outside the pool, as the engine's (AccountsConfiguration)
            AccountChanges changes = new AccountChanges(new DriverManagerDataSource(database.getJdbcUrl(),
                    database.getUsername(), database.getPassword()), remembered, DEAF_FOR);
            changes.start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(remembered::trusted);
            return new Node(remembered, new AccountStore(new JdbcTemplate(database), remembered), changes);
        }

        boolean enabled(String username) {
            return store.credentials(username).orElseThrow().account().enabled();
        }
    }

    @BeforeEach
    void nodes() {
        jdbc = new JdbcTemplate(database.dataSource());
        jdbc.update("DELETE FROM account");
        // made before the nodes listen, so no notice of it is still on its way when they read it
        new AccountStore(jdbc).create(new Account("maria", Set.of(Role.MANAGER), Set.of("lisbon"), true,
                Instant.parse("2026-12-01T09:00:00Z"), "admin", null), "{noop}secret");
        first = Node.on(database.dataSource());
        second = Node.on(database.dataSource());
    }

    @AfterEach
    void stop() {
        first.changes().stop();
        second.changes().stop();
    }

    @Test
    void an_account_disabled_on_one_node_is_refused_on_the_other_at_once() {
        assertThat(second.enabled("maria")).isTrue();
        assertRemembered(second, "maria");

        first.store().disable("maria", Instant.parse("2026-12-04T10:00:00Z"));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !second.enabled("maria"));
        assertThat(first.enabled("maria")).isFalse();
    }

    @Test
    void a_change_made_in_sql_by_an_operator_is_heard_too() {
        assertThat(second.store().credentials("maria").orElseThrow().passwordHash()).isEqualTo("{noop}secret");

        jdbc.update("UPDATE account SET password_hash = '{noop}changed' WHERE username = 'maria'");

        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> second.store().credentials("maria").orElseThrow().passwordHash().equals("{noop}changed"));
    }

    @Test
    void a_node_that_stops_hearing_changes_reads_every_account_until_it_listens_again() {
        second.store().credentials("maria");
        int ended = jdbc.queryForObject("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND application_name = ?", Integer.class, AccountChanges.APPLICATION_NAME);
        assertThat(ended).isEqualTo(2);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !second.remembered().trusted());
        // while it is deaf (DEAF_FOR), nothing it remembered is answered: a change it cannot hear is seen at once
        jdbc.update("UPDATE account SET roles = 'VIEWER' WHERE username = 'maria'");
        assertThat(second.store().credentials("maria").orElseThrow().account().roles()).containsExactly(Role.VIEWER);
        assertThat(second.remembered().trusted()).as("still deaf when the change was read").isFalse();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> second.remembered().trusted());
        assertThat(second.store().credentials("maria").orElseThrow().account().roles()).containsExactly(Role.VIEWER);
        first.store().disable("maria", Instant.parse("2026-12-04T10:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !second.enabled("maria"));
    }

    /** The row changed without a notice (replication role: no trigger fires) and the node still answers the old one. */
    private void assertRemembered(Node node, String username) {
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                statement.execute("UPDATE account SET offices = 'porto' WHERE username = '" + username + "'");
                statement.execute("SET session_replication_role = DEFAULT");
            }
            return null;
        });
        assertThat(node.store().credentials(username).orElseThrow().account().offices())
                .as("answered from memory").containsExactly("lisbon");
    }
}
