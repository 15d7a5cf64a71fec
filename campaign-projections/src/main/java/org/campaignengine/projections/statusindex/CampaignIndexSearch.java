package org.campaignengine.projections.statusindex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.campaignengine.projections.tables.Chunks;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.projections.statusindex.TabCounters.ShelfCount;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pages and tab counts of the status index, always within the caller's offices; deleted drafts sit on a
 * shelf no tab lists.
 *
 * <p>A page is read as one branch per shelf of its tab, each taking its first {@code offset + size} rows
 * from the index (shelf, sort column, row key), merged and cut to the page: the database reads a few index
 * ranges and never sorts a whole tab. A nullable column's empty values come after every value in either
 * direction, ordered by row key: they are read by a second query only when the page reaches past the values,
 * so a column's index need not hold its empty values (on PostgreSQL the indexes of mostly empty columns are
 * partial, {@code WHERE column IS NOT NULL}, and their empty values are read from the index (shelf, row key);
 * see {@link IndexSort.Column}). Likewise an activity figure's index holds only the shelves whose campaigns can
 * have recorded activity: on the others every value is 0 and a branch reads them by row key.
 *
 * <p>Totals come from {@link TabCounters} unless the page searches by name ({@code q}) or tag: those
 * count the matching rows, reading the shelf's index (shelf, name_lower, row key) or its rows for a tag. The
 * counters also say, per shelf, how many of its campaigns the filters keep: a shelf where they keep none is not
 * read (an office's page passing over a whole shelf of other offices' campaigns to find none), and one where they
 * keep few of many is read through the filter's own index ({@link Branches}).
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
        // the total first: rows and counters commit together, so rows read after the count include every new
        // row it counts (read the other way round, a commit in between answers a total without its rows)
        Map<Shelf, ShelfCount> counted = filters.searches() ? null
                : counters.byShelf(statuses, query.channel(), query.office(), query.visibleOffices());
        long total = counted == null ? searchTotal(shelves, filters)
                : counted.values().stream().mapToLong(ShelfCount::listed).sum();
        Branches branches = new Branches(counted == null ? shelves
                : shelves.stream().filter(shelf -> counted.containsKey(shelf) && counted.get(shelf).listed() > 0)
                        .toList(), counted, filters, sort);
        if (branches.shelves.isEmpty()) {
            return new CampaignPage(List.of(), query.page(), query.size(), total);
        }
        if (!sort.column().nullable()) {
            return new CampaignPage(rows(branches, Part.ALL, offset, query.size()), query.page(), query.size(), total);
        }
        List<CampaignRow> items = new ArrayList<>(rows(branches, Part.VALUES, offset, query.size()));
        if (items.size() < query.size()) {
            // the page starts among the values (some were read) or after all of them (counted up to its start)
            long before = items.isEmpty() ? offset - countValues(branches, offset) : 0;
            items.addAll(rows(branches, Part.EMPTY, before, query.size() - items.size()));
        }
        return new CampaignPage(items, query.page(), query.size(), total);
    }

    /** Which rows of a nullable sort column a query reads: all of them (a column never empty), its values, or its empties. */
    private enum Part {
        ALL, VALUES, EMPTY;

        String condition(String column) {
            return switch (this) {
                case ALL -> "";
                case VALUES -> " AND " + column + " IS NOT NULL";
                case EMPTY -> " AND " + column + " IS NULL";
            };
        }

        String orderBy(IndexSort sort) {
            return this == EMPTY ? sort.emptiesOrderBy() : sort.orderBy();
        }

        /** The same order within one shelf, as that shelf's index reads it. */
        String orderBy(IndexSort sort, Shelf shelf) {
            return this == EMPTY ? sort.emptiesOrderBy() : sort.orderBy(shelf);
        }
    }

    /**
     * Rows {@code offset} to {@code offset + limit} of the shelves' {@code part} in page order: one branch per shelf,
     * each its first {@code offset + limit} rows, merged.
     */
    private List<CampaignRow> rows(Branches branches, Part part, long offset, long limit) {
        List<Object> values = new ArrayList<>();
        String union = branches.sql(part, offset + limit, values);
        values.add(limit);
        values.add(offset);
        return jdbc.query("SELECT * FROM (" + union + ") page ORDER BY " + part.orderBy(branches.sort)
                + " LIMIT ? OFFSET ?", rows, values.toArray());
    }

    /** How many rows of the shelves have a value in the sort column, counted up to {@code atMost}. */
    private long countValues(Branches branches, long atMost) {
        if (atMost == 0) {
            return 0;
        }
        List<Object> values = new ArrayList<>();
        String union = branches.sql(Part.VALUES, atMost, values);
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (" + union + ") counted", Long.class,
                values.toArray());
        return Math.min(atMost, counted == null ? 0 : counted);
    }

    /**
     * The shelves a page reads, one branch each, joined by UNION ALL. A branch reads its shelf in page order from
     * the sort column's index (shelf, column, row key) and stops at its limit, passing over the rows the filters
     * leave out. Where the counters show the filters keep few of a shelf's rows, fewer than that would pass over
     * (an office with a handful of scheduled campaigns among 20,000), the branch reads just those through the
     * filter's own index and sorts them: {@code listed² ≤ limit × held}, from reading {@code limit × held / listed}
     * rows in order against {@code listed} to sort, so a branch reads the smaller of the two, at most about
     * {@code √(limit × held)} rows where the kept rows are spread through the shelf. Its subquery is fenced
     * ({@code OFFSET 0 ROWS}: PostgreSQL plans it on its own) so that the page's order cannot draw it back to the
     * sort index. Without counters (a search by name or tag) every branch reads in order.
     */
    private static final class Branches {
        private final List<Shelf> shelves;
        private final Map<Shelf, ShelfCount> counted;
        private final Filters filters;
        private final IndexSort sort;

        Branches(List<Shelf> shelves, Map<Shelf, ShelfCount> counted, Filters filters, IndexSort sort) {
            this.shelves = shelves;
            this.counted = counted;
            this.filters = filters;
            this.sort = sort;
        }

        /** One {@code (SELECT ... LIMIT ?)} per shelf, joined by UNION ALL; their values added to {@code values}. */
        String sql(Part part, long limit, List<Object> values) {
            List<String> branches = new ArrayList<>();
            for (Shelf shelf : shelves) {
                // the shelf is written as a constant (an enum's number, never a client's text): a plan made for any
                // value of a parameter could not show that the shelf meets an activity figure's partial index
                String rows = "campaign_index WHERE shelf = " + shelf.code() + filters.sql();
                String order = " ORDER BY " + part.orderBy(sort, shelf) + " LIMIT ?)";
                if (sortsFewRows(shelf, limit)) {
                    branches.add("(SELECT * FROM (SELECT * FROM " + rows + " OFFSET 0 ROWS) few WHERE 1 = 1"
                            + part.condition(sort.column().name()) + order);
                } else {
                    branches.add("(SELECT * FROM " + rows + part.condition(sort.column().name()) + order);
                }
                values.addAll(filters.values());
                values.add(limit);
            }
            return String.join(" UNION ALL ", branches);
        }

        private boolean sortsFewRows(Shelf shelf, long limit) {
            ShelfCount count = counted == null ? null : counted.get(shelf);
            return count != null && count.listed() < count.held()
                    && (double) count.listed() * count.listed() <= (double) limit * count.held();
        }
    }

    /** The rows a search by name or tag matches, counted through the shelves' indexes. */
    private long searchTotal(List<Shelf> shelves, Filters filters) {
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
