package org.campaignengine.projections.statusindex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.tables.CommitBuffer;
import org.campaignengine.projections.tables.Databases;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many campaigns each (office, channel, status) holds ({@code campaign_tab_count}), changed in the
 * same transaction as the row whose status or office changed, so tab counts and page totals read a few
 * counter rows instead of counting the index.
 *
 * <p>Counter rows are shared by every campaign of their key, which the processor's segments handle in
 * parallel, many events to a transaction. Inside an event processor's unit of work the changes are
 * therefore summed per key and written when the batch commits, every key in one fixed order
 * ({@link Key#LOCK_ORDER}): each transaction takes the shared rows in the same order and holds them
 * only for the end of its batch, so batches cannot deadlock and a hot counter is written once per batch.
 * Outside a unit of work (tests, tools) a change is written at once. A missing row is created before it
 * is incremented: on PostgreSQL with {@code ON CONFLICT DO NOTHING}, which waits for a concurrent
 * creator instead of failing; on H2 it is inserted if absent, and a concurrent creator's committed row
 * (the two segments of one node) refuses the insert, which is then let be.
 */
final class TabCounters {

    record Key(String office, Channel channel, CampaignStatus status) {

        static final Comparator<Key> LOCK_ORDER = Comparator.comparing((Key k) -> k.office() != null)
                .thenComparing(k -> k.office() == null ? "" : k.office())
                .thenComparing(Key::channel).thenComparing(Key::status);

        Key withStatus(CampaignStatus next) {
            return new Key(office, channel, next);
        }

        Key withOffice(String next) {
            return new Key(next, channel, status);
        }

        private Object[] columns() {
            return new Object[] {office != null, office == null ? "" : office, channel.name(), status.name()};
        }
    }

    private static final String PENDING = TabCounters.class.getName() + ".pending";
    private static final String MATCH = " WHERE has_office = ? AND office = ? AND channel = ? AND status = ?";
    private static final String INCREMENT = "UPDATE campaign_tab_count SET campaigns = campaigns + ?" + MATCH;

    private final JdbcTemplate jdbc;
    private final boolean onConflict;

    TabCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.onConflict = Databases.isPostgres(jdbc);
    }

    void add(Key key) {
        change(key, 1);
    }

    /** One campaign leaves {@code from} for {@code to}; nothing happens if they are the same. */
    void move(Key from, Key to) {
        if (from.equals(to)) {
            return;
        }
        if (Key.LOCK_ORDER.compare(from, to) < 0) {
            change(from, -1);
            change(to, 1);
        } else {
            change(to, 1);
            change(from, -1);
        }
    }

    private void change(Key key, long delta) {
        if (!CurrentUnitOfWork.isStarted()) {
            writeAll(Map.of(key, delta));
            return;
        }
        UnitOfWork<?> batch = CommitBuffer.unit();
        Map<Key, Long> pending = batch.getOrComputeResource(PENDING, name -> {
            Map<Key, Long> changes = new TreeMap<>(Key.LOCK_ORDER);
            batch.onPrepareCommit(u -> writeAll(changes));
            return changes;
        });
        pending.merge(key, delta, Long::sum);
    }

    /**
     * Writes a batch's changes in one round trip, in lock order; a counter that does not exist yet
     * (an office's first campaign in a status) is created and incremented after.
     */
    private void writeAll(Map<Key, Long> changes) {
        List<Key> keys = new ArrayList<>();
        List<Object[]> increments = new ArrayList<>();
        changes.forEach((key, delta) -> {
            if (delta != 0) {
                keys.add(key);
                List<Object> args = new ArrayList<>(List.of(delta));
                args.addAll(List.of(key.columns()));
                increments.add(args.toArray());
            }
        });
        if (increments.isEmpty()) {
            return;
        }
        int[] updated = jdbc.batchUpdate(INCREMENT, increments);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                createIfAbsent(keys.get(i));
                jdbc.update(INCREMENT, increments.get(i));
            }
        }
    }

    private void createIfAbsent(Key key) {
        String insert = "INSERT INTO campaign_tab_count (has_office, office, channel, status, campaigns) ";
        if (onConflict) {
            jdbc.update(insert + "VALUES (?, ?, ?, ?, 0) ON CONFLICT DO NOTHING", key.columns());
        } else {
            List<Object> args = new ArrayList<>(List.of(key.columns()));
            args.addAll(List.of(key.columns()));
            try {
                jdbc.update(insert + "SELECT ?, ?, ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM campaign_tab_count" + MATCH
                        + ")", args.toArray());
            } catch (DuplicateKeyException createdMeanwhile) {
                // the other segment's batch created it and committed while this insert waited on its row: the
                // counter exists, which is all this wanted; H2 undoes the statement alone, not the transaction
            }
        }
    }

    /** Per tab, within the caller's offices ({@code null}: all). */
    TabCounts counts(Set<String> visibleOffices) {
        Map<CampaignStatus, Long> byStatus = new EnumMap<>(CampaignStatus.class);
        Scope scope = new Scope(visibleOffices, null, null);
        if (!scope.empty()) {
            jdbc.query("SELECT status, SUM(campaigns) FROM campaign_tab_count" + scope.where() + " GROUP BY status",
                    rs -> {
                        byStatus.put(CampaignStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    }, scope.values().toArray());
        }
        return new TabCounts(count(byStatus, IndexTab.ACTIVE), count(byStatus, IndexTab.SCHEDULED),
                count(byStatus, IndexTab.DRAFT), count(byStatus, IndexTab.PAUSED),
                count(byStatus, IndexTab.ARCHIVED), count(byStatus, IndexTab.ALL));
    }

    /**
     * Per shelf of {@code statuses}: its campaigns in those statuses of this channel and office if given (what a page
     * of them lists), and all its campaigns (the rows its sort indexes hold), both within the caller's offices.
     * Shelves with neither are left out. One query.
     */
    Map<Shelf, ShelfCount> byShelf(Collection<CampaignStatus> statuses, Channel channel, String office,
                                   Set<String> visibleOffices) {
        Scope visible = new Scope(visibleOffices, null, null);
        Map<Shelf, ShelfCount> shelves = new EnumMap<>(Shelf.class);
        if (visible.empty() || statuses.isEmpty()) {
            return shelves;
        }
        Scope filtered = new Scope(null, channel, office);
        Set<Shelf> wanted = statuses.stream().map(Shelf::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Shelf.class)));
        List<CampaignStatus> onShelves = Arrays.stream(CampaignStatus.values())
                .filter(s -> wanted.contains(Shelf.of(s))).toList();
        List<Object> values = new ArrayList<>(filtered.values());
        values.addAll(visible.values());
        onShelves.forEach(s -> values.add(s.name()));
        jdbc.query("SELECT status, SUM(CASE WHEN " + filtered.conditions() + " THEN campaigns ELSE 0 END), "
                + "SUM(campaigns) FROM campaign_tab_count" + visible.where() + " AND status IN ("
                + String.join(", ", onShelves.stream().map(s -> "?").toList()) + ") GROUP BY status", rs -> {
            CampaignStatus status = CampaignStatus.valueOf(rs.getString(1));
            ShelfCount count = new ShelfCount(statuses.contains(status) ? rs.getLong(2) : 0, rs.getLong(3));
            shelves.merge(Shelf.of(status), count, ShelfCount::plus);
        }, values.toArray());
        return shelves;
    }

    /** A shelf's campaigns that a page lists ({@code listed}) among all it holds ({@code held}). */
    record ShelfCount(long listed, long held) {
        ShelfCount plus(ShelfCount other) {
            return new ShelfCount(listed + other.listed, held + other.held);
        }
    }

    void deleteAll() {
        jdbc.update("DELETE FROM campaign_tab_count");
    }

    private static long count(Map<CampaignStatus, Long> byStatus, IndexTab tab) {
        return tab.statuses().stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum();
    }

    /** The office scope and filters as counter conditions; a campaign without an office has none to match. */
    private static final class Scope {
        private final List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        private final List<Object> values = new ArrayList<>();
        private final boolean empty;

        Scope(Set<String> visibleOffices, Channel channel, String office) {
            empty = visibleOffices != null && visibleOffices.isEmpty();
            if (visibleOffices != null && !empty) {
                conditions.add("has_office = TRUE AND office IN ("
                        + String.join(", ", visibleOffices.stream().map(o -> "?").toList()) + ")");
                values.addAll(visibleOffices);
            }
            if (channel != null) {
                conditions.add("channel = ?");
                values.add(channel.name());
            }
            if (office != null && !office.isBlank()) {
                conditions.add("has_office = TRUE AND office = ?");
                values.add(office);
            }
        }

        boolean empty() {
            return empty;
        }

        String where() {
            return " WHERE " + conditions();
        }

        String conditions() {
            return String.join(" AND ", conditions);
        }

        List<Object> values() {
            return values;
        }
    }
}
