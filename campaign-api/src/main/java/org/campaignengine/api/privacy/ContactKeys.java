package org.campaignengine.api.privacy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.tables.Columns;
import org.campaignengine.projections.tables.KeyLookup;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The contacts' keys (issue 10, erasure), in the engine's database: a random AES-256 key per contact,
 * made the first time a record names the contact with a name or phone, and stored wrapped by a
 * {@link KeyEncryptionKeys key-encryption key} kept outside the database, whose id the row records.
 * Values are sealed as {@link SealedValues} says. Forgetting destroys the key for good; no copy is
 * cached, so every node stops opening the contact's values at once.
 */
public class ContactKeys implements PersonalData {

    /** Seals values of the contacts it was made for; a forgotten contact's values are not kept (null). */
    @FunctionalInterface
    public interface Sealer {
        String seal(String contactId, String text);
    }

    /** A contact forgotten, when and by whom (the first time it was asked for). */
    @Schema(name = "Forgotten", description = "A contact forgotten: when and by whom it was first asked for.")
    public record Forgotten(
            @Schema(description = "The contact's id.", example = "c-10001") String contactId,
            @Schema(description = "When its key was destroyed (the first request).", example = "2026-12-06T09:00:00Z")
            Instant forgottenAt,
            @Schema(description = "Who asked first.", example = "admin") String forgottenBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final KeyEncryptionKeys keks;
    private final SecureRandom random = new SecureRandom();

    public ContactKeys(JdbcTemplate jdbc, Clock clock, KeyEncryptionKeys keks) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keks = keks;
    }

    /** A sealer for these contacts: their keys read, and made for those that have none yet. */
    public Sealer sealer(Collection<String> contactIds) {
        Map<String, Optional<SecretKey>> keys = load(contactIds);
        Set<String> missing = new LinkedHashSet<>(contactIds);
        missing.removeAll(keys.keySet());
        if (!missing.isEmpty()) {
            create(missing);
            keys.putAll(load(missing));
        }
        return (contactId, text) -> {
            if (text == null) {
                return null;
            }
            Optional<SecretKey> key = keys.getOrDefault(contactId, Optional.empty());
            return key.map(k -> SealedValues.seal(k, contactId, text, random)).orElse(null);
        };
    }

    @Override
    public Opener opener(Collection<String> contactIds) {
        Map<String, Optional<SecretKey>> keys = load(contactIds);
        return (contactId, stored) -> {
            if (stored == null) {
                return Revealed.NONE;
            }
            if (ERASED.equals(stored)) {
                return Revealed.GONE;
            }
            if (!PersonalData.sealed(stored)) {
                return new Revealed(stored, false);
            }
            Optional<SecretKey> key = keys.getOrDefault(contactId, Optional.empty());
            return key.flatMap(k -> SealedValues.open(k, contactId, stored)).map(text -> new Revealed(text, false))
                    .orElse(Revealed.GONE);
        };
    }

    /** Destroys the contact's key (or records that it may never have one); asking again changes nothing. */
    public Forgotten forget(String contactId, String actor) {
        Object now = Columns.time(clock.instant());
        int forgotten = jdbc.update("UPDATE contact_key SET secret = NULL, kek_id = NULL, forgotten_at = ?, "
                + "forgotten_by = ? WHERE contact_id = ? AND forgotten_at IS NULL", now, actor, contactId);
        if (forgotten == 0) {
            try {
                jdbc.update("INSERT INTO contact_key (contact_id, secret, created_at, forgotten_at, forgotten_by) "
                        + "SELECT ?, NULL, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM contact_key WHERE contact_id = ?)",
                        contactId, now, now, actor, contactId);
            } catch (DuplicateKeyException raced) {
                return forget(contactId, actor);
            }
        }
        return jdbc.queryForObject("SELECT forgotten_at, forgotten_by FROM contact_key WHERE contact_id = ?",
                (rs, n) -> new Forgotten(contactId, Columns.instant(rs, "forgotten_at"), rs.getString(2)), contactId);
    }

    /**
     * A key for each contact that has none, in one batch; a contact another request gave a key meanwhile
     * keeps that one (the batch is then made again row by row, each row skipped if its contact has a key).
     */
    private void create(Set<String> contactIds) {
        Object now = Columns.time(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (String contactId : contactIds) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            KeyEncryptionKeys.Wrapped wrapped = keks.wrap(new SecretKeySpec(secret, "AES"));
            rows.add(new Object[]{contactId, wrapped.secret(), wrapped.kekId(), now, contactId});
        }
        String insert = "INSERT INTO contact_key (contact_id, secret, kek_id, created_at) SELECT ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM contact_key WHERE contact_id = ?)";
        try {
            jdbc.batchUpdate(insert, rows);
        } catch (DuplicateKeyException raced) {
            for (Object[] row : rows) {
                try {
                    jdbc.update(insert, row);
                } catch (DuplicateKeyException alsoRaced) {
                    // that contact's key was made by the other request: it is read back with the others
                }
            }
        }
    }

    /** Each contact's key: empty once forgotten; absent when it has no row. */
    private Map<String, Optional<SecretKey>> load(Collection<String> contactIds) {
        Map<String, Optional<SecretKey>> keys = new HashMap<>();
        new KeyLookup(jdbc).byUniqueKey("contact_id, secret, kek_id", "contact_key", "contact_id", String.class,
                new LinkedHashSet<>(contactIds), rs -> {
                    String secret = rs.getString(2);
                    keys.put(rs.getString(1), secret == null ? Optional.empty()
                            : Optional.of(keks.unwrap(rs.getString(3), secret)));
                });
        return keys;
    }
}
