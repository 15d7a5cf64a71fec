package org.campaignengine.bench.crud;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The baseline's two tables, made when it starts (before it serves): accounts, and campaigns with a status
 * column, a version for the update's check, and the one index its page reads ({@code sort=name}, ignoring
 * case, as the engine sorts names).
 */
final class CrudSchema {

    private CrudSchema() {
    }

    static CrudSchema create(JdbcTemplate sql, String adminPasswordHash) {
        sql.execute("CREATE TABLE IF NOT EXISTS crud_account (username VARCHAR(100) PRIMARY KEY, "
                + "password_hash VARCHAR(200) NOT NULL, role VARCHAR(20) NOT NULL, enabled BOOLEAN NOT NULL)");
        sql.execute("CREATE TABLE IF NOT EXISTS crud_campaign (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                + "channel VARCHAR(10) NOT NULL, office VARCHAR(100) NOT NULL, status VARCHAR(20) NOT NULL, "
                + "version BIGINT NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        sql.execute("CREATE INDEX IF NOT EXISTS crud_campaign_by_name ON crud_campaign (LOWER(name), id)");
        sql.update("INSERT INTO crud_account (username, password_hash, role, enabled) VALUES ('admin', ?, 'ADMIN', TRUE) "
                + "ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash", adminPasswordHash);
        return new CrudSchema();
    }
}
