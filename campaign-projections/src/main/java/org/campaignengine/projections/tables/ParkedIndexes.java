package org.campaignengine.projections.tables;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A replay writes a read model's table from empty, row by row. On PostgreSQL, every secondary index of
 * such a table costs a random insert per row, which for the status index (two dozen sort indexes) makes
 * a replay many times slower than building each index once from the finished table. So a replay
 * parks them: {@link #park} drops the table's secondary indexes and records their definitions in
 * {@code parked_index}; once the replay has caught up, {@link #restore} builds each again (one
 * transaction per index, so a node stopped midway resumes where it was) and forgets it. Queries stay
 * correct meanwhile, only slower, and the replay's progress reports the rebuild as part of the replay.
 *
 * <p>H2, the embedded database, keeps its indexes: its tables are small enough that parking gains
 * nothing worth a second code path to test.
 */
public class ParkedIndexes {

    private static final Logger log = LoggerFactory.getLogger(ParkedIndexes.class);
    /** Held while indexes are rebuilt, so two nodes never build the same one. */
    private static final long REBUILD_LOCK = 0x63616d706169676eL;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public ParkedIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(jdbc);
    }

    /**
     * Drops the table's secondary indexes (not its primary key or unique ones) and remembers them. Waits
     * for a rebuild in progress, so an index being built again cannot be dropped and forgotten at once.
     */
    public void park(String readModel, String table) {
        if (!postgres) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            one.queryForObject("SELECT pg_advisory_lock(?)", Object.class, REBUILD_LOCK);
            try {
                List<Map<String, Object>> indexes = one.queryForList("SELECT i.relname AS name, "
                        + "pg_get_indexdef(i.oid) AS definition FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                        + "JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname = ? AND t.relnamespace = "
                        + "current_schema()::regnamespace AND NOT x.indisprimary AND NOT x.indisunique", table);
                for (Map<String, Object> index : indexes) {
                    String name = (String) index.get("name");
                    one.update("INSERT INTO parked_index (read_model, index_name, definition) VALUES (?, ?, ?) "
                            + "ON CONFLICT DO NOTHING", readModel, name, index.get("definition"));
                    one.execute("DROP INDEX IF EXISTS \"" + name.replace("\"", "") + "\"");
                }
                if (!indexes.isEmpty()) {
                    log.info("{}: {} indexes of {} parked until it has caught up with the events", readModel,
                            indexes.size(), table);
                }
            } finally {
                one.queryForObject("SELECT pg_advisory_unlock(?)", Boolean.class, REBUILD_LOCK);
            }
            return null;
        });
    }

    public boolean parked(String readModel) {
        if (!postgres) {
            return false;
        }
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM parked_index WHERE read_model = ?", Integer.class,
                readModel);
        return count != null && count > 0;
    }

    /**
     * Builds the parked indexes of the read model again, each in its own transaction; answers how many
     * it built. While another node is rebuilding, this one answers 0 at once.
     */
    public int restore(String readModel) {
        if (!postgres) {
            return 0;
        }
        Integer built = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            if (!Boolean.TRUE.equals(one.queryForObject("SELECT pg_try_advisory_lock(?)", Boolean.class,
                    REBUILD_LOCK))) {
                return 0;
            }
            try {
                one.execute("SET maintenance_work_mem = '256MB'");
                List<Map<String, Object>> parked = one.queryForList("SELECT index_name, definition FROM "
                        + "parked_index WHERE read_model = ? ORDER BY index_name", readModel);
                long start = System.nanoTime();
                for (Map<String, Object> index : parked) {
                    String definition = (String) index.get("definition");
                    one.execute(definition.replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
                    one.update("DELETE FROM parked_index WHERE read_model = ? AND index_name = ?", readModel,
                            index.get("index_name"));
                }
                if (!parked.isEmpty()) {
                    log.info("{}: {} parked indexes built again in {} ms", readModel, parked.size(),
                            (System.nanoTime() - start) / 1_000_000);
                }
                return parked.size();
            } finally {
                one.execute("RESET maintenance_work_mem");
                one.queryForObject("SELECT pg_advisory_unlock(?)", Boolean.class, REBUILD_LOCK);
            }
        });
        return built == null ? 0 : built;
    }
}
