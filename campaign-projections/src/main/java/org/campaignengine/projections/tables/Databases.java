package org.campaignengine.projections.tables;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which database a template talks to, asked once per data source: where the SQL must differ. */
public final class Databases {

    private static final Map<DataSource, Boolean> POSTGRES = new ConcurrentHashMap<>();

    private Databases() {
    }

    public static boolean isPostgres(JdbcTemplate jdbc) {
        return POSTGRES.computeIfAbsent(jdbc.getDataSource(), d -> "PostgreSQL".equals(
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName())));
    }
}
