package org.campaignengine.api.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first answer to each {@code Idempotency-Key}, per caller. A key is claimed before the command runs
 * (an unanswered row), so two concurrent requests with one key cannot both run it. A claim is leased to
 * the node that runs it ({@code node}); once its lease has run out (that node died) a re-sent request takes
 * it over. Every write of a run names its claim, so a run that lost its claim changes nothing.
 */
class IdempotencyStore {

    /** What a key holds: the request's fingerprint and, once answered or its command committed, the answer. */
    record Entry(String fingerprint, StoredAnswer answer) {
    }

    /** The key claimed for this request, or else what the key already holds. */
    record Attempt(Claim claim, Entry existing) {
    }

    /** A command committed without its claim: another run took the key over, so this one must not commit. */
    static final class ClaimLost extends IllegalStateException {
        ClaimLost(Claim claim) {
            super("the Idempotency-Key claim " + claim.id() + " was taken over by another run; its command is rolled back");
        }
    }

    private static final String EXPIRED = "committed_at IS NULL AND status IS NULL "
            + "AND (lease_until < ? OR lease_until IS NULL AND created_at < ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration lease;
    private final String node;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock, Duration retention, Duration lease, String node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.lease = lease;
        this.node = node;
    }

    String node() {
        return node;
    }

    Duration lease() {
        return lease;
    }

    /** Claims the key for this request, taking over a claim whose lease ran out; else answers what the key holds. */
    Attempt claim(String principal, String key, String fingerprint) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM idempotency_key WHERE principal = ? AND idem_key = ? AND created_at < ?",
                principal, key, utc(now.minus(retention)));
        Claim claim = new Claim(principal, key, UUID.randomUUID().toString());
        for (int attempt = 0; ; attempt++) {
            try {
                jdbc.update("INSERT INTO idempotency_key (principal, idem_key, fingerprint, created_at, claim_id, "
                        + "node_id, lease_until) VALUES (?, ?, ?, ?, ?, ?, ?)", principal, key, fingerprint, utc(now),
                        claim.id(), node, utc(now.plus(lease)));
                return new Attempt(claim, null);
            } catch (DuplicateKeyException taken) {
                if (takeOver(claim, fingerprint, now)) {
                    return new Attempt(claim, null);
                }
                Optional<Entry> existing = find(principal, key);
                if (existing.isPresent() || attempt == 2) {
                    return new Attempt(null, existing.orElseThrow(() -> taken));
                }
            }
        }
    }

    private boolean takeOver(Claim claim, String fingerprint, Instant now) {
        return jdbc.update("UPDATE idempotency_key SET claim_id = ?, node_id = ?, lease_until = ? "
                        + "WHERE principal = ? AND idem_key = ? AND fingerprint = ? AND " + EXPIRED,
                claim.id(), node, utc(now.plus(lease)), claim.principal(), claim.key(), fingerprint, utc(now),
                utc(now.minus(lease))) == 1;
    }

    /**
     * Records, in the transaction of the claim's command, that the command committed and what it answers.
     * Fails (rolling the command back) when the claim is no longer this run's.
     */
    void markCommitted(Claim claim, StoredAnswer answer) {
        int marked = jdbc.update("UPDATE idempotency_key SET committed_at = ?, status = ?, content_type = ?, "
                        + "location = ?, body = ? WHERE principal = ? AND idem_key = ? AND claim_id = ? "
                        + "AND committed_at IS NULL AND status IS NULL", utc(clock.instant()), answer.status(),
                answer.contentType(), answer.location(), answer.body(), claim.principal(), claim.key(), claim.id());
        if (marked != 1) {
            throw new ClaimLost(claim);
        }
    }

    /** Keeps the answer as sent, in place of a committed command's marker if there is one. */
    void answer(Claim claim, StoredAnswer answer) {
        jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? "
                        + "WHERE principal = ? AND idem_key = ? AND claim_id = ?", answer.status(), answer.contentType(),
                answer.location(), answer.body(), claim.principal(), claim.key(), claim.id());
    }

    /**
     * Gives the key back, so a request that failed for reasons of the engine's own can be retried; never a
     * key whose command committed or that was answered.
     */
    void release(Claim claim) {
        jdbc.update("DELETE FROM idempotency_key WHERE principal = ? AND idem_key = ? AND claim_id = ? "
                + "AND committed_at IS NULL AND status IS NULL", claim.principal(), claim.key(), claim.id());
    }

    /** Whether the key is still claimed by this run: false once a re-send took it over. */
    boolean holds(Claim claim) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE principal = ? AND idem_key = ? "
                + "AND claim_id = ?", Integer.class, claim.principal(), claim.key(), claim.id()) == 1;
    }

    /** Extends the leases of the claims whose requests still run on this node. */
    void renew(List<Claim> running) {
        OffsetDateTime until = utc(clock.instant().plus(lease));
        jdbc.batchUpdate("UPDATE idempotency_key SET lease_until = ? WHERE principal = ? AND idem_key = ? "
                        + "AND claim_id = ? AND status IS NULL", running, running.size(),
                (statement, claim) -> {
                    statement.setObject(1, until);
                    statement.setString(2, claim.principal());
                    statement.setString(3, claim.key());
                    statement.setString(4, claim.id());
                });
    }

    /**
     * Releases the claims a previous process of this node left unanswered: at start-up, this node runs no
     * request, so they belong to a process that died, and since their commands' markers are missing, none
     * of those commands committed.
     */
    int releaseDeadClaims() {
        return jdbc.update("DELETE FROM idempotency_key WHERE node_id = ? AND committed_at IS NULL AND status IS NULL",
                node);
    }

    int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", utc(clock.instant().minus(retention)));
    }

    private Optional<Entry> find(String principal, String key) {
        return jdbc.query("SELECT fingerprint, status, content_type, location, body FROM idempotency_key "
                        + "WHERE principal = ? AND idem_key = ?",
                (rs, n) -> new Entry(rs.getString(1), rs.getObject(2) == null ? null
                        : new StoredAnswer(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5))),
                principal, key).stream().findFirst();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
