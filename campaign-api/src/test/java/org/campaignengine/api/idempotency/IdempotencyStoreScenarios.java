package org.campaignengine.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.campaignengine.api.e2e.MovableClock;
import org.campaignengine.api.idempotency.IdempotencyStore.Attempt;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Claims on keys as engine nodes hold them: leased, renewed while their request runs, taken over once
 * their node died, and answered from the marker their command stored in its own transaction. Two stores
 * over one database are two nodes; their clock is moved by hand. Subclasses choose the database.
 */
abstract class IdempotencyStoreScenarios {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final StoredAnswer CREATED = new StoredAnswer(201, "application/json", "/api/v1/campaigns/c-1",
            "{\"id\":\"c-1\",\"status\":\"DRAFT\",\"version\":0}");

    abstract HikariDataSource database();

    private final MovableClock clock = new MovableClock();
    private final String caller = "svc-" + UUID.randomUUID();
    private final IdempotencyStore nodeA = node("node-a-" + caller);
    private final IdempotencyStore nodeB = node("node-b-" + caller);

    @Test
    void a_claim_whose_node_died_is_taken_over_by_the_resent_request_once_its_lease_ran_out() {
        Claim dead = nodeA.claim(caller, "k", "fp").claim();
        assertThat(dead).isNotNull();
        Attempt early = nodeB.claim(caller, "k", "fp");
        assertThat(early.claim()).as("the lease still runs").isNull();
        assertThat(early.existing().answer()).as("in progress").isNull();

        clock.advance(LEASE.plusSeconds(1));
        Claim resent = nodeB.claim(caller, "k", "fp").claim();
        assertThat(resent).isNotNull();
        assertThat(resent.id()).isNotEqualTo(dead.id());
        assertThat(column("node_id", "k")).isEqualTo(nodeB.node());
    }

    @Test
    void a_claim_renewed_while_its_request_runs_is_not_taken_over() {
        Claim running = nodeA.claim(caller, "k", "fp").claim();
        for (int i = 0; i < 3; i++) {
            clock.advance(LEASE.multipliedBy(2).dividedBy(3));
            nodeA.renew(List.of(running));
        }
        clock.advance(LEASE.minusSeconds(1));
        assertThat(nodeB.claim(caller, "k", "fp").claim()).as("two leases after the claim, renewed").isNull();
    }

    @Test
    void a_node_renews_the_leases_of_the_requests_it_runs_until_they_end() {
        IdempotencyStore shortLeases = new IdempotencyStore(new JdbcTemplate(database()), clock, Duration.ofDays(1),
                Duration.ofSeconds(1), "node-c-" + caller);
        try (IdempotencyLeases leases = new IdempotencyLeases(shortLeases)) {
            Claim running = shortLeases.claim(caller, "k", "fp").claim();
            leases.hold(running);
            await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(6))
                    .until(() -> nodeB.claim(caller, "k", "fp").claim() == null);
            leases.drop(running);
            await().atMost(Duration.ofSeconds(5)).until(() -> shortLeases.claim(caller, "k", "fp").claim() != null);
        }
    }

    @Test
    void a_run_that_lost_its_claim_can_neither_commit_nor_answer_nor_release_the_key() {
        Claim stale = nodeA.claim(caller, "k", "fp").claim();
        clock.advance(LEASE.plusSeconds(1));
        Claim taker = nodeB.claim(caller, "k", "fp").claim();

        assertThatThrownBy(() -> inTransaction(() -> nodeA.markCommitted(stale, CREATED)))
                .isInstanceOf(IdempotencyStore.ClaimLost.class);
        nodeA.answer(stale, CREATED);
        nodeA.release(stale);
        assertThat(column("claim_id", "k")).isEqualTo(taker.id());
        assertThat(column("status", "k")).as("the taker's run is still in progress").isNull();
        inTransaction(() -> nodeB.markCommitted(taker, CREATED));
        assertThat(nodeA.claim(caller, "k", "fp").existing().answer()).isEqualTo(CREATED);
    }

    @Test
    void a_restarted_node_releases_its_own_unfinished_claims_at_start_and_nothing_else() {
        nodeA.claim(caller, "unfinished", "fp");
        Claim committed = nodeA.claim(caller, "committed", "fp").claim();
        inTransaction(() -> nodeA.markCommitted(committed, CREATED));
        nodeB.claim(caller, "other-node", "fp");

        IdempotencyStore restarted = node(nodeA.node());
        assertThat(restarted.releaseDeadClaims()).isEqualTo(1);
        assertThat(restarted.claim(caller, "unfinished", "fp").claim()).as("free at once").isNotNull();
        assertThat(restarted.claim(caller, "committed", "fp").existing().answer()).isEqualTo(CREATED);
        assertThat(restarted.claim(caller, "other-node", "fp").claim()).as("another node's live claim").isNull();
    }

    @Test
    void a_key_whose_command_committed_is_answered_from_its_marker_and_never_released() {
        Claim claim = nodeA.claim(caller, "k", "fp").claim();
        inTransaction(() -> nodeA.markCommitted(claim, CREATED));
        nodeA.release(claim);
        clock.advance(LEASE.multipliedBy(10));

        Attempt resent = nodeB.claim(caller, "k", "fp");
        assertThat(resent.claim()).as("never taken over").isNull();
        assertThat(resent.existing().answer()).isEqualTo(CREATED);
        assertThat(column("committed_at", "k")).isNotNull();
    }

    @Test
    void a_marker_rolled_back_with_its_command_leaves_the_key_to_a_new_run() {
        Claim claim = nodeA.claim(caller, "k", "fp").claim();
        assertThatThrownBy(() -> inTransaction(() -> {
            nodeA.markCommitted(claim, CREATED);
            throw new IllegalStateException("the events could not be stored");
        })).hasMessageContaining("events");
        assertThat(column("status", "k")).isNull();
        assertThat(column("committed_at", "k")).isNull();

        nodeA.release(claim);
        assertThat(nodeB.claim(caller, "k", "fp").claim()).as("released: a re-send runs the command").isNotNull();
    }

    @Test
    void another_request_with_the_key_of_a_dead_claim_is_still_refused() {
        nodeA.claim(caller, "k", "fp");
        clock.advance(LEASE.plusSeconds(1));
        Attempt other = nodeB.claim(caller, "k", "another-fp");
        assertThat(other.claim()).isNull();
        assertThat(other.existing().fingerprint()).isEqualTo("fp");
    }

    private IdempotencyStore node(String id) {
        return new IdempotencyStore(new JdbcTemplate(database()), clock, Duration.ofDays(1), LEASE, id);
    }

    private Object column(String column, String key) {
        return new JdbcTemplate(database()).queryForObject("SELECT " + column + " FROM idempotency_key "
                + "WHERE principal = ? AND idem_key = ?", Object.class, caller, key);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(new DataSourceTransactionManager(database())).executeWithoutResult(status -> work.run());
    }
}
