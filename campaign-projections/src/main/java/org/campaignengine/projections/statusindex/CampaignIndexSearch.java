package org.campaignengine.projections.statusindex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.campaignengine.projections.tables.Chunks;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pages and tab counts of the status index, always within the caller's offices; deleted drafts sit on a
 * shelf no tab lists.
 *
 * <p>A page is read as one branch per shelf of its tab, each taking its first {@code offset + size} rows
 * from the index (shelf, sort column, row key), merged and cut to the page: the database reads a few index
 * ranges and never sorts a whole tab. A nullable column's empty values are a second branch per shelf
 * ranked after the values, which keeps them last in either direction without a second index.
 *
 * <p>Totals come from {@link TabCounters} unless the page searches by name ({@code q}) or tag: those
 * count the matching rows, reading the shelf's index (shelf, name_lower, row key) or its rows for a tag.
 */
class CampaignIndexSearch {

    private final JdbcTemplate jdbc;
    private final CampaignRowMapper rows;
    private final TabCounters counters;

    CampaignIndexSearch(JdbcTemplate jdbc, CampaignRowMapper rows, TabCounters counters) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.counters = counters;
    }

    CampaignPage page(ListCampaigns query) {
        IndexTab tab = query.tab() == null ? IndexTab.ALL : query.tab();
        List<CampaignStatus> statuses = tab.statuses().stream()
                .filter(s -> query.status() == null || s == query.status()).toList();
        List<Shelf> shelves = statuses.stream().map(Shelf::of).distinct().sorted().toList();
        Filters filters = new Filters(query);
        if (shelves.isEmpty() || filters.nothingVisible()) {
            return new CampaignPage(List.of(), query.page(), query.size(), 0);
        }
        IndexSort sort = query.sort() == null ? IndexSort.DEFAULT : query.sort();
        long offset = (long) query.page() * query.size();
        List<String> branches = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Shelf shelf : shelves) {
            branch(branches, values, shelf, filters, sort, offset + query.size(), sort.column().nullable() ? 0 : -1);
            if (sort.column().nullable()) {
                branch(branches, values, shelf, filters, sort, offset + query.size(), 1);
            }
        }
        values.add(query.size());
        values.add(offset);
        String order = (sort.column().nullable() ? "empty_last, " : "") + sort.orderBy();
        // the total first: rows and counters commit together, so rows read after the count include every new
        // row it counts (read the other way round, a commit in between answers a total without its rows)
        long total = total(query, statuses, shelves, filters);
        List<CampaignRow> items = jdbc.query("SELECT * FROM (" + String.join(" UNION ALL ", branches)
                + ") page ORDER BY " + order + " LIMIT ? OFFSET ?", rows, values.toArray());
        return new CampaignPage(items, query.page(), query.size(), total);
    }

    /**
     * One shelf's first rows in page order. {@code empties}: -1 all rows (a column that is never empty),
     * 0 the rows with a value, 1 the rows without, ranked after every value.
     */
    private static void branch(List<String> branches, List<Object> values, Shelf shelf, Filters filters,
                               IndexSort sort, long limit, int empties) {
        String column = sort.column().name();
        String emptiness = empties < 0 ? "" : empties == 0 ? " AND " + column + " IS NOT NULL" : " AND " + column
                + " IS NULL";
        branches.add("(SELECT campaign_index.*, " + Math.max(0, empties) + " AS empty_last FROM campaign_index "
                + "WHERE shelf = ?" + filters.sql() + emptiness + " ORDER BY " + sort.orderBy() + " LIMIT ?)");
        values.add(shelf.code());
        values.addAll(filters.values());
        values.add(limit);
    }

    private long total(ListCampaigns query, List<CampaignStatus> statuses, List<Shelf> shelves, Filters filters) {
        if (!filters.searches()) {
            return counters.total(statuses, query.channel(), query.office(), query.visibleOffices());
        }
        List<Object> values = new ArrayList<>(shelves.stream().<Object>map(Shelf::code).toList());
        values.addAll(filters.values());
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_index WHERE shelf IN ("
                + Chunks.placeholders(shelves) + ")" + filters.sql(), Long.class, values.toArray());
        return total == null ? 0 : total;
    }

    TabCounts counts(CountTabs query) {
        return counters.counts(query.visibleOffices());
    }

    /** A search text taken literally: LIKE's wildcards and the escape character are escaped. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The conditions beside the tab, joined by AND; the office scope is always among them. */
    private static final class Filters {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();
        private final boolean nothingVisible;
        private final boolean searches;

        Filters(ListCampaigns query) {
            Set<String> visible = query.visibleOffices();
            nothingVisible = visible != null && visible.isEmpty();
            if (visible != null && !nothingVisible) {
                conditions.add("office IN (" + Chunks.placeholders(visible) + ")");
                values.addAll(visible);
            }
            boolean byName = query.q() != null && !query.q().isBlank();
            boolean byTag = query.tag() != null && !query.tag().isBlank();
            searches = byName || byTag;
            if (byName) {
                add("name_lower LIKE ? ESCAPE '\\'", "%" + escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%");
            }
            if (byTag) {
                add("tags LIKE ? ESCAPE '\\'", "%|" + escapeLike(query.tag()) + "|%");
            }
            if (query.channel() != null) {
                add("channel = ?", query.channel().name());
            }
            if (query.office() != null && !query.office().isBlank()) {
                add("office = ?", query.office());
            }
            if (query.status() != null) {
                add("status = ?", query.status().name());
            }
        }

        private void add(String condition, Object value) {
            conditions.add(condition);
            values.add(value);
        }

        boolean nothingVisible() {
            return nothingVisible;
        }

        boolean searches() {
            return searches;
        }

        String sql() {
            return conditions.stream().map(c -> " AND " + c).collect(Collectors.joining());
        }

        List<Object> values() {
            return values;
        }
    }
}
