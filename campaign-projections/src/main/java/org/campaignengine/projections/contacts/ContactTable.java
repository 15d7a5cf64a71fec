package org.campaignengine.projections.contacts;

import static org.campaignengine.projections.tables.Columns.instant;
import static org.campaignengine.projections.tables.Columns.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.scope.Erasure;
import org.campaignengine.projections.tables.KeyLookup;
import org.campaignengine.projections.tables.NewRows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code campaign_contact} rows and the delivery counters of {@code contacts_campaign}. A batch of
 * activity is read once, changed in memory and written back with one statement per kind of change: a
 * batch may hold thousands of records. The processor is this table's only writer, one campaign at a time,
 * so knowing which rows were read is knowing which to update and which to insert.
 */
class ContactTable {

    static final String CAMPAIGNS = "contacts_campaign";
    /** Ids per IN list: well below every driver's parameter limit. */
    private static final String COLUMNS = "name, phone, delivery, failed_reason, message_id, sent_at, delivery_at, "
            + "opted_out, last_activity_at";

    private final JdbcTemplate jdbc;
    private final KeyLookup keys;
    private final NewRows newRows;
    private final PersonalData personal;

    ContactTable(JdbcTemplate jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.keys = new KeyLookup(jdbc);
        this.newRows = new NewRows(jdbc, "campaign_contact", NewRows.columns(COLUMNS, "campaign_id", "contact_id"));
        this.personal = personal;
    }

    Map<String, Contact> load(String campaignId, Collection<String> contactIds) {
        Map<String, Contact> found = new HashMap<>();
        keys.query("contact_id, " + COLUMNS, "campaign_contact", "contact_id", campaignId, contactIds, "", rs -> {
            Contact contact = contact(rs);
            found.put(contact.contactId(), contact);
        });
        return found;
    }

    /** Writes what changed between {@code before} (as read) and {@code after}, and moves the counters with it. */
    void save(String campaignId, Map<String, Contact> before, Map<String, Contact> after) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Contact contact : after.values()) {
            Contact was = before.get(contact.contactId());
            if (contact.equals(was)) {
                continue;
            }
            (was == null ? inserts : updates).add(values(campaignId, contact));
            if (was == null) {
                counts.merge("contacts", 1L, Long::sum);
            }
            Delivery from = was == null ? null : was.delivery();
            if (from != contact.delivery()) {
                if (from != null) {
                    counts.merge(from.counter(), -1L, Long::sum);
                }
                if (contact.delivery() != null) {
                    counts.merge(contact.delivery().counter(), 1L, Long::sum);
                }
            }
        }
        newRows.write(inserts);
        jdbc.batchUpdate("UPDATE campaign_contact SET " + COLUMNS.replace(",", " = ?,") + " = ? "
                + "WHERE campaign_id = ? AND contact_id = ?", updates);
        counts.values().removeIf(n -> n == 0);
        if (!counts.isEmpty()) {
            List<Object> args = new ArrayList<>(counts.values());
            args.add(campaignId);
            jdbc.update("UPDATE " + CAMPAIGNS + " SET " + counts.keySet().stream().map(c -> c + " = " + c + " + ?")
                    .collect(Collectors.joining(", ")) + " WHERE campaign_id = ?", args.toArray());
        }
    }

    ContactPage page(ListContacts query) {
        String where = query.delivery() == null ? "" : " AND delivery = ?";
        List<Object> args = new ArrayList<>(List.of(query.campaignId()));
        if (query.delivery() != null) {
            args.add(query.delivery().name());
        }
        args.add(query.size());
        args.add((long) query.page() * query.size());
        // the total first: the rows and their count commit together, so rows read after the count include every
        // row it counts (read the other way round, a commit in between answered a total with none of its rows)
        String counter = query.delivery() == null ? "contacts" : query.delivery().counter();
        List<Long> total = jdbc.queryForList("SELECT " + counter + " FROM " + CAMPAIGNS + " WHERE campaign_id = ?",
                Long.class, query.campaignId());
        List<ContactRow> items = jdbc.query("SELECT contact_id, " + COLUMNS + " FROM campaign_contact "
                + "WHERE campaign_id = ?" + where + " ORDER BY contact_id LIMIT ? OFFSET ?",
                (rs, n) -> contact(rs).row(), args.toArray());
        PersonalData.Opener opener = personal.opener(items.stream().map(ContactRow::contactId).toList());
        items = items.stream().map(row -> row.opened(opener)).toList();
        return new ContactPage(items, query.page(), query.size(), total.isEmpty() ? 0 : total.get(0));
    }

    /** A forgotten contact's name and phone, in every campaign, marked erased. */
    void erase(String contactId) {
        Erasure.erase(jdbc, "campaign_contact", contactId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM campaign_contact");
    }

    private static Object[] values(String campaignId, Contact c) {
        return new Object[] {c.name(), c.phone(), c.delivery() == null ? null : c.delivery().name(), c.failedReason(),
                c.messageId(), time(c.sentAt()), time(c.deliveryAt()), c.optedOut(), time(c.lastActivityAt()),
                campaignId, c.contactId()};
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        String delivery = rs.getString("delivery");
        return new Contact(rs.getString("contact_id"), rs.getString("name"), rs.getString("phone"),
                delivery == null ? null : Delivery.valueOf(delivery), rs.getString("failed_reason"),
                rs.getString("message_id"), instant(rs, "sent_at"), instant(rs, "delivery_at"),
                rs.getBoolean("opted_out"), instant(rs, "last_activity_at"));
    }
}
