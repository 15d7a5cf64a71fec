package org.campaignengine.projections.statusindex;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sort of the index by one of its columns (HTTP API, Index row fields). Only the names in
 * {@link #COLUMNS} exist, each mapped to a stored column with an index (shelf, column, row key), so a
 * client's text never reaches the SQL and every sort is an index range. Names and contact lists sort
 * ignoring case; {@code displayStatus} sorts as the status it shows; {@code recipients} by contacts messaged;
 * {@code error} by its code; {@code phoneNumbers} by the first number; {@code autoArchiveAt} and
 * {@code autoArchiveInDays} by the warned archive time (rows without the warning come last).
 */
public record IndexSort(String field, boolean ascending) {

    /**
     * A stored sort column; a nullable one's empty values come last in either direction. A sparse one (most rows
     * leave it empty) has a sort index that holds only the rows with a value on PostgreSQL (V28), so its empty
     * values are read in row-key order from the index (shelf, row key); a nullable column's whole index serves its
     * empty values itself. An activity figure is 0 on every row of a shelf whose campaigns were never launched
     * (no status there records activity), so its sort index holds only the other shelves' rows on PostgreSQL
     * (V29) and those shelves are read in row-key order from the index (shelf, row key).
     */
    record Column(String name, boolean nullable, boolean sparse, boolean activityFigure) {
    }

    private static final Map<String, Column> COLUMNS = Map.ofEntries(
            Map.entry("name", required("name_lower")),
            Map.entry("channel", required("channel")),
            Map.entry("status", required("status")),
            Map.entry("displayStatus", required("status")),
            Map.entry("office", nullable("office")),
            Map.entry("phoneNumbers", nullable("first_phone_number")),
            Map.entry("contactList", nullable("contact_list_name_lower")),
            Map.entry("operatedBy", nullable("operated_by")),
            Map.entry("tags", required("tags_key")),
            Map.entry("createdAt", required("created_at")),
            Map.entry("updatedAt", required("updated_at")),
            Map.entry("launchedAt", sparse("launched_at")),
            Map.entry("startAt", nullable("start_at")),
            Map.entry("endAt", nullable("end_at")),
            Map.entry("launchAt", sparse("launch_at")),
            Map.entry("callersLoggedIn", activityFigure("callers_logged_in")),
            Map.entry("dialsRemaining", sparse("dials_remaining")),
            Map.entry("recipients", activityFigure("contacts_messaged")),
            Map.entry("clickThroughRate", activityFigure("click_through_rate")),
            Map.entry("costMicros", activityFigure("cost_micros")),
            Map.entry("autoArchiveAt", sparse("warned_archive_at")),
            Map.entry("autoArchiveInDays", sparse("warned_archive_at")),
            Map.entry("archiveReason", sparse("archive_reason")),
            Map.entry("suspendedReason", sparse("suspended_reason")),
            Map.entry("error", sparse("error_code")),
            Map.entry("statusReason", sparse("status_reason_key")));

    public static final IndexSort DEFAULT = new IndexSort("updatedAt", false);

    public static Set<String> fields() {
        return COLUMNS.keySet();
    }

    public static Optional<IndexSort> of(String field, boolean ascending) {
        return COLUMNS.containsKey(field) ? Optional.of(new IndexSort(field, ascending)) : Optional.empty();
    }

    Column column() {
        return COLUMNS.getOrDefault(field, COLUMNS.get(DEFAULT.field()));
    }

    /**
     * The ORDER BY of a page: the column, then the row key (the id as a UUID, in the same order) the same
     * way, so pages never overlap. Written without NULLS FIRST/LAST, which an index read backwards could
     * not serve: the search puts empty values last by reading them separately (see {@link CampaignIndexSearch}).
     */
    String orderBy() {
        return column().name() + direction() + ", row_key" + direction();
    }

    /**
     * The ORDER BY of one shelf's rows: {@link #orderBy()}, except for an activity figure on a shelf of
     * campaigns never launched, where every value is 0 and the same order is the row key's.
     */
    String orderBy(Shelf shelf) {
        return column().activityFigure() && !shelf.recordsActivity() ? "row_key" + direction() : orderBy();
    }

    /**
     * The ORDER BY of a column's empty values: the same order as {@link #orderBy()} (the row key's, all values
     * being empty), written as the index that serves them reads: the row key alone for a sparse column.
     */
    String emptiesOrderBy() {
        return column().sparse() ? "row_key" + direction() : orderBy();
    }

    private String direction() {
        return ascending ? " ASC" : " DESC";
    }

    private static Column required(String name) {
        return new Column(name, false, false, false);
    }

    private static Column nullable(String name) {
        return new Column(name, true, false, false);
    }

    private static Column sparse(String name) {
        return new Column(name, true, true, false);
    }

    private static Column activityFigure(String name) {
        return new Column(name, false, false, true);
    }
}
