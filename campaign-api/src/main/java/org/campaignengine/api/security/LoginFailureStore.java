package org.campaignengine.api.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.IntFunction;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code login_failure} table, which every engine node reads and writes, so a guesser gains
 * nothing by spreading attempts over nodes. A failure is counted under a row lock (or, for a key seen
 * for the first time, by an insert that a concurrent twin may win, after which the count is retried
 * under the lock): the same SQL on H2 and PostgreSQL, and no failure is ever lost.
 */
class LoginFailureStore {

    /** A username tried from one client address. */
    record Key(String username, String client) {
    }

    /** The failures counted for a key, and until when it must wait (null: it need not). */
    record Failures(int count, Instant blockedUntil) {

        static final Failures NONE = new Failures(0, null);
    }

    private static final int ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    LoginFailureStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    Failures find(Key key) {
        return jdbc.query("SELECT failures, blocked_until FROM login_failure WHERE username = ? AND client = ?",
                (rs, n) -> new Failures(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class))),
                key.username(), key.client()).stream().findFirst().orElse(Failures.NONE);
    }

    /** Counts one more failure at {@code now}; {@code waitAfter} says how long a key with that many must wait. */
    Failures recordFailure(Key key, Instant now, IntFunction<Duration> waitAfter) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> countUnderLock(key, now, waitAfter));
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    void forget(Key key) {
        jdbc.update("DELETE FROM login_failure WHERE username = ? AND client = ?", key.username(), key.client());
    }

    /** Deletes the rows of keys whose last failure is older than {@code before}; answers how many. */
    int purgeFailedBefore(Instant before) {
        return jdbc.update("DELETE FROM login_failure WHERE last_failure_at < ?", before.atOffset(ZoneOffset.UTC));
    }

    private Failures countUnderLock(Key key, Instant now, IntFunction<Duration> waitAfter) {
        Integer before = jdbc.query("SELECT failures FROM login_failure WHERE username = ? AND client = ? FOR UPDATE",
                (rs, n) -> rs.getInt(1), key.username(), key.client()).stream().findFirst().orElse(null);
        int count = before == null ? 1 : before + 1;
        Duration wait = waitAfter.apply(count);
        Failures after = new Failures(count, wait.isZero() ? null : now.plus(wait));
        OffsetDateTime blockedUntil = after.blockedUntil() == null ? null : after.blockedUntil().atOffset(ZoneOffset.UTC);
        if (before == null) {
            jdbc.update("INSERT INTO login_failure (username, client, failures, blocked_until, last_failure_at) "
                    + "VALUES (?, ?, ?, ?, ?)", key.username(), key.client(), count, blockedUntil, now.atOffset(ZoneOffset.UTC));
        } else {
            jdbc.update("UPDATE login_failure SET failures = ?, blocked_until = ?, last_failure_at = ? "
                    + "WHERE username = ? AND client = ?", count, blockedUntil, now.atOffset(ZoneOffset.UTC),
                    key.username(), key.client());
        }
        return after;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
