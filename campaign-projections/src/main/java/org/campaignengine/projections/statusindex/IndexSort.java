package org.campaignengine.projections.statusindex;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sort of the index by one of its columns. Only the names in {@link #COLUMNS} exist, each mapped to
 * its SQL expression, so a client's text never reaches the SQL. Names sort ignoring case.
 */
public record IndexSort(String field, boolean ascending) {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("name", "LOWER(name)"),
            Map.entry("channel", "channel"),
            Map.entry("status", "status"),
            Map.entry("office", "office"),
            Map.entry("contactList", "LOWER(contact_list_name)"),
            Map.entry("operatedBy", "operated_by"),
            Map.entry("tags", "tags"),
            Map.entry("createdAt", "created_at"),
            Map.entry("updatedAt", "updated_at"),
            Map.entry("launchedAt", "launched_at"),
            Map.entry("startAt", "start_at"),
            Map.entry("endAt", "end_at"),
            Map.entry("launchAt", "launch_at"),
            Map.entry("autoArchiveAt", "auto_archive_at"),
            Map.entry("archiveReason", "archive_reason"),
            Map.entry("suspendedReason", "suspended_reason"),
            Map.entry("statusReason", "status_reason"));

    public static final IndexSort DEFAULT = new IndexSort("updatedAt", false);

    public static Set<String> fields() {
        return COLUMNS.keySet();
    }

    public static Optional<IndexSort> of(String field, boolean ascending) {
        return COLUMNS.containsKey(field) ? Optional.of(new IndexSort(field, ascending)) : Optional.empty();
    }

    /** The ORDER BY clause: empty values last either way, then the id so pages never overlap. */
    String orderBy() {
        String column = COLUMNS.getOrDefault(field, COLUMNS.get(DEFAULT.field()));
        return column + (ascending ? " ASC" : " DESC") + " NULLS LAST, id ASC";
    }
}
