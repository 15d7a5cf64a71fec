package org.campaignengine.api.privacy;

import java.util.ArrayList;
import java.util.List;

import javax.crypto.SecretKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Run at startup, after the migrations. Every key-encryption key the stored contact keys name must be
 * configured and be the one that wrapped them (a row of each is unwrapped), or the engine does not start:
 * a lost or mistyped key shows now, not as unreadable contacts later. Keys wrapped under an older
 * key-encryption key are then re-wrapped under the primary one, a batch at a time; the sealed values are
 * not touched. Nodes may do it at once: a row is re-wrapped only while it still names the key-encryption
 * key it was read under, so a contact forgotten meanwhile stays forgotten.
 */
public class ContactKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(ContactKeyRotation.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;

    public ContactKeyRotation(JdbcTemplate jdbc, KeyEncryptionKeys keks) {
        this.jdbc = jdbc;
        this.keks = keks;
    }

    /** Checks the stored keys' key-encryption keys, then re-wraps; the number of keys re-wrapped. */
    public int run() {
        List<String> named = jdbc.queryForList("SELECT DISTINCT kek_id FROM contact_key WHERE kek_id IS NOT NULL",
                String.class);
        for (String kekId : named) {
            String secret = jdbc.queryForObject("SELECT secret FROM contact_key WHERE kek_id = ? "
                    + "ORDER BY contact_id FETCH FIRST 1 ROWS ONLY", String.class, kekId);
            keks.unwrap(kekId, secret);
        }
        int rewrapped = 0;
        String after = "";
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            List<String> read = jdbc.query("SELECT contact_id, secret, kek_id FROM contact_key "
                    + "WHERE kek_id IS NOT NULL AND kek_id <> ? AND contact_id > ? "
                    + "ORDER BY contact_id FETCH FIRST " + BATCH + " ROWS ONLY",
                    (rs, n) -> {
                        SecretKey key = keks.unwrap(rs.getString(3), rs.getString(2));
                        KeyEncryptionKeys.Wrapped wrapped = keks.wrap(key);
                        batch.add(new Object[]{wrapped.secret(), wrapped.kekId(), rs.getString(1), rs.getString(3)});
                        return rs.getString(1);
                    }, keks.primaryId(), after);
            if (read.isEmpty()) {
                break;
            }
            for (int updated : jdbc.batchUpdate("UPDATE contact_key SET secret = ?, kek_id = ? "
                    + "WHERE contact_id = ? AND kek_id = ?", batch)) {
                rewrapped += Math.max(updated, 0);
            }
            after = read.get(read.size() - 1);
        }
        if (rewrapped > 0 || named.stream().anyMatch(id -> !id.equals(keks.primaryId()))) {
            log.info("Re-wrapped {} contact keys under the key-encryption key '{}'; the others configured ({}) wrap "
                    + "none now and may be removed", rewrapped, keks.primaryId(),
                    keks.ids().stream().filter(id -> !id.equals(keks.primaryId())).toList());
        }
        return rewrapped;
    }
}
