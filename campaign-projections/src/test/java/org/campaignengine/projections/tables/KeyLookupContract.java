package org.campaignengine.projections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.campaignengine.projections.ProjectionDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The keyed look-up every read model makes for a batch of activity: exactly the campaign's rows with
 * the listed keys, in the order asked for, however many keys (more than one H2 slice); and the look-up by
 * a table's own unique key, text or number, that the audit trail, the anchors and the status index make.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyLookupContract {

    ProjectionDatabase database;
    KeyLookup lookup;

    abstract ProjectionDatabase openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        database.jdbc().execute("CREATE TABLE keyed (campaign_id VARCHAR(36) NOT NULL, item VARCHAR(100) NOT NULL, "
                + "position INTEGER NOT NULL, note VARCHAR(20), PRIMARY KEY (campaign_id, item, position))");
        database.jdbc().execute("CREATE INDEX keyed_note ON keyed (campaign_id, note, item)");
        List<Object[]> rows = new ArrayList<>();
        IntStream.range(0, 3_000).forEach(i -> {
            rows.add(new Object[] {"busy", "item-" + i, 1, "n" + i % 7});
            rows.add(new Object[] {"busy", "item-" + i, 0, "n" + i % 7});
            rows.add(new Object[] {"other", "item-" + i, 0, "n"});
        });
        database.jdbc().batchUpdate("INSERT INTO keyed (campaign_id, item, position, note) VALUES (?, ?, ?, ?)", rows);
        database.jdbc().execute("CREATE TABLE numbered (id VARCHAR(40) NOT NULL, position BIGINT NOT NULL, "
                + "PRIMARY KEY (id), UNIQUE (position))");
        database.jdbc().batchUpdate("INSERT INTO numbered (id, position) VALUES (?, ?)", IntStream.range(0, 2_000)
                .mapToObj(i -> new Object[] {"event-" + i, 10L * i}).toList());
        lookup = new KeyLookup(database.jdbc());
    }

    @AfterAll
    void close() throws Exception {
        database.close();
    }

    @Test
    void finds_exactly_the_campaigns_rows_with_the_listed_keys() {
        List<String> keys = new ArrayList<>(IntStream.range(0, 1_200).mapToObj(i -> "item-" + (i * 2)).toList());
        keys.add("item-missing");
        Set<String> found = new TreeSet<>();
        List<String> order = new ArrayList<>();
        lookup.query("item, position, note", "keyed", "item", "busy", keys, "item, position", rs -> {
            found.add(rs.getString("item"));
            order.add(rs.getString("item") + "/" + rs.getInt("position"));
        });
        assertThat(found).hasSize(1_200).allMatch(k -> Integer.parseInt(k.substring(5)) % 2 == 0);
        assertThat(order).hasSize(2_400).contains("item-0/0", "item-0/1");
        assertThat(order.indexOf("item-0/0")).isEqualTo(order.indexOf("item-0/1") - 1);
    }

    @Test
    void finds_exactly_the_rows_with_the_listed_unique_keys() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 700).mapToObj(i -> "event-" + (i * 2)).toList());
        ids.add("event-missing");
        Map<String, Long> byId = new HashMap<>();
        lookup.byUniqueKey("id, position", "numbered", "id", String.class, ids, rs -> {
            byId.put(rs.getString(1), rs.getLong(2));
        });
        assertThat(byId).hasSize(700).containsEntry("event-0", 0L).containsEntry("event-1398", 13_980L)
                .doesNotContainKeys("event-1", "event-missing");

        List<Long> positions = List.of(0L, 10L, 15L, 19_990L, 20_000L);
        Map<Long, String> byPosition = new HashMap<>();
        lookup.byUniqueKey("position, id", "numbered", "position", Long.class, positions, rs -> {
            byPosition.put(rs.getLong(1), rs.getString(2));
        });
        assertThat(byPosition).containsOnly(Map.entry(0L, "event-0"), Map.entry(10L, "event-1"),
                Map.entry(19_990L, "event-1999"));
    }

    @Test
    void no_keys_reads_nothing() {
        List<String> seen = new ArrayList<>();
        lookup.query("item", "keyed", "item", "busy", List.of(), "", rs -> {
            seen.add(rs.getString(1));
        });
        assertThat(seen).isEmpty();
        lookup.byUniqueKey("id", "numbered", "id", String.class, List.of(), rs -> {
            seen.add(rs.getString(1));
        });
        assertThat(seen).isEmpty();
    }
}
