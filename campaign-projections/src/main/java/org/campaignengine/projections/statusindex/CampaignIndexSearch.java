package org.campaignengine.projections.statusindex;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pages and tab counts of the status index, always within the caller's offices and never with deleted campaigns. */
class CampaignIndexSearch {

    private final JdbcTemplate jdbc;
    private final CampaignIndexRepository rows;

    CampaignIndexSearch(JdbcTemplate jdbc, CampaignIndexRepository rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    CampaignPage page(ListCampaigns query) {
        Where where = new Where(query.visibleOffices());
        IndexTab tab = query.tab() == null ? IndexTab.ALL : query.tab();
        where.in("status", tab.statuses().stream().map(Enum::name).toList());
        if (query.q() != null && !query.q().isBlank()) {
            where.add("LOWER(name) LIKE ? ESCAPE '\\'", "%" + escapeLike(query.q().toLowerCase()) + "%");
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            where.add("tags LIKE ? ESCAPE '\\'", "%|" + escapeLike(query.tag()) + "|%");
        }
        if (query.channel() != null) {
            where.add("channel = ?", query.channel().name());
        }
        if (query.office() != null && !query.office().isBlank()) {
            where.add("office = ?", query.office());
        }
        if (query.status() != null) {
            where.add("status = ?", query.status().name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_index" + where.sql(), Long.class,
                where.values().toArray());
        IndexSort sort = query.sort() == null ? IndexSort.DEFAULT : query.sort();
        List<Object> values = new ArrayList<>(where.values());
        values.add(query.size());
        values.add((long) query.page() * query.size());
        List<CampaignRow> items = jdbc.query("SELECT * FROM campaign_index" + where.sql() + " ORDER BY "
                + sort.orderBy() + " LIMIT ? OFFSET ?", rows::row, values.toArray());
        return new CampaignPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    TabCounts counts(CountTabs query) {
        Where where = new Where(query.visibleOffices());
        Map<CampaignStatus, Long> byStatus = new EnumMap<>(CampaignStatus.class);
        jdbc.query("SELECT status, COUNT(*) FROM campaign_index" + where.sql() + " GROUP BY status",
                rs -> {
                    byStatus.put(CampaignStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, where.values().toArray());
        return new TabCounts(count(byStatus, IndexTab.ACTIVE), count(byStatus, IndexTab.SCHEDULED),
                count(byStatus, IndexTab.DRAFT), count(byStatus, IndexTab.PAUSED),
                count(byStatus, IndexTab.ARCHIVED), count(byStatus, IndexTab.ALL));
    }

    private static long count(Map<CampaignStatus, Long> byStatus, IndexTab tab) {
        return tab.statuses().stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum();
    }

    /** A search text taken literally: LIKE's wildcards and the escape character are escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Conditions joined by AND; the office scope and the exclusion of deleted campaigns are always there. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        Where(Set<String> visibleOffices) {
            conditions.add("status <> 'DELETED'");
            if (visibleOffices != null) {
                if (visibleOffices.isEmpty()) {
                    conditions.add("1 = 0");
                } else {
                    in("office", List.copyOf(visibleOffices));
                }
            }
        }

        void add(String condition, Object value) {
            conditions.add(condition);
            values.add(value);
        }

        void in(String column, List<String> options) {
            conditions.add(column + " IN (" + options.stream().map(o -> "?").collect(Collectors.joining(", ")) + ")");
            values.addAll(options);
        }

        String sql() {
            return " WHERE " + String.join(" AND ", conditions);
        }

        List<Object> values() {
            return values;
        }
    }
}
