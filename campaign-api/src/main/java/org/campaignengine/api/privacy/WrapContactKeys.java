package org.campaignengine.api.privacy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.campaignengine.api.migrations.MigrationStep;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Migration 23.1: wraps the contact keys stored in clear until now under the primary key-encryption key,
 * so that after the upgrade the database holds no key that opens a sealed value by itself. The sealed
 * values stay as they are: only the keys' rows change.
 */
public class WrapContactKeys extends MigrationStep {

    private static final int BATCH = 500;

    private final KeyEncryptionKeys keks;

    public WrapContactKeys(KeyEncryptionKeys keks) {
        super("23.1", "wrap contact keys");
        this.keks = keks;
    }

    @Override
    public void migrate(Context context) {
        Connection connection = context.getConnection();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.setFetchSize(BATCH);
        List<Object[]> pending = new ArrayList<>();
        jdbc.query("SELECT contact_id, secret FROM contact_key WHERE secret IS NOT NULL AND kek_id IS NULL", rs -> {
            pending.add(wrapped(rs.getString(1), rs.getString(2)));
            if (pending.size() == BATCH) {
                flush(jdbc, pending);
            }
        });
        flush(jdbc, pending);
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("UPDATE contact_key SET secret = ?, kek_id = ? WHERE contact_id = ?", rows);
            rows.clear();
        }
    }

    private Object[] wrapped(String contactId, String clear) {
        KeyEncryptionKeys.Wrapped wrapped = keks.wrap(new SecretKeySpec(Base64.getDecoder().decode(clear), "AES"));
        return new Object[]{wrapped.secret(), wrapped.kekId(), contactId};
    }
}
