package org.campaignengine.api.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first answer to each {@code Idempotency-Key}, per caller. A key is claimed before the command
 * runs (an unanswered row), so two concurrent requests with one key cannot both run it.
 */
class IdempotencyStore {

    /** What a key holds: the request's fingerprint and, once answered, the answer. */
    record Entry(String fingerprint, Integer status, String contentType, String location, String body) {

        boolean answered() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyStore(JdbcTemplate jdbc, Clock clock, Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    /** Claims the key for this request; answers the existing entry instead when the key is taken. */
    Optional<Entry> claim(String principal, String key, String fingerprint) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM idempotency_key WHERE principal = ? AND idem_key = ? AND created_at < ?",
                principal, key, now.minus(retention).atOffset(ZoneOffset.UTC));
        try {
            jdbc.update("INSERT INTO idempotency_key (principal, idem_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
                    principal, key, fingerprint, now.atOffset(ZoneOffset.UTC));
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            return find(principal, key);
        }
    }

    void answer(String principal, String key, int status, String contentType, String location, String body) {
        jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? "
                + "WHERE principal = ? AND idem_key = ?", status, contentType, location, body, principal, key);
    }

    /** Gives the key back, so a request that failed for reasons of the engine's own can be retried. */
    void release(String principal, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE principal = ? AND idem_key = ?", principal, key);
    }

    int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?",
                clock.instant().minus(retention).atOffset(ZoneOffset.UTC));
    }

    private Optional<Entry> find(String principal, String key) {
        return jdbc.query("SELECT fingerprint, status, content_type, location, body FROM idempotency_key "
                        + "WHERE principal = ? AND idem_key = ?",
                (rs, n) -> new Entry(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), principal, key).stream().findFirst();
    }
}
