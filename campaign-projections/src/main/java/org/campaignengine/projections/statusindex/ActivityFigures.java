package org.campaignengine.projections.statusindex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campaignengine.projections.tables.Chunks;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.projections.tables.KeyLookup;
import org.campaignengine.projections.tables.NewRows;
import org.campaignengine.projections.tables.Saturating;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a batch of activity adds to a campaign's {@link Figures}. Distinct contacts are counted with a
 * flag per campaign and contact ({@code campaign_index_contact}): a contact counts when its flag is first
 * set. Callers logged in are a state per campaign and caller ({@code campaign_index_caller}), moved only
 * by a login or logout at least as recent as the last one seen, so a late report cannot log a caller
 * back in. Both tables belong to the status index and are emptied with it.
 *
 * <p>Records reach the index once: the engine drops duplicates before publishing them, and the event
 * processor commits its token in the same transaction as these tables.
 */
final class ActivityFigures {

    /** The stored figures, in the order of {@link #values}. */
    static final String ASSIGNMENTS = "contacts_messaged = ?, contacts_dialed = ?, messages_delivered = ?, "
            + "links_clicked = ?, click_through_rate = ?, cost_micros = ?, callers_logged_in = ?, dials_remaining = ?";

    private static final int KEY_LENGTH = 100;

    private static final List<String> CONTACT_COLUMNS = List.of("campaign_id", "contact_id", "messaged", "dialed");

    private final JdbcTemplate jdbc;
    private final CallerStates callers;
    private final NewRows newContacts;

    ActivityFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.callers = new CallerStates(jdbc);
        this.newContacts = new NewRows(jdbc, "campaign_index_contact", CONTACT_COLUMNS);
    }

    static Object[] values(Figures f, Channel channel) {
        return new Object[] {f.contactsMessaged(), f.contactsDialed(), f.messagesDelivered(), f.linksClicked(),
                f.clickThroughRate(), f.costMicros(), f.callersLoggedIn(), f.dialsRemaining(channel)};
    }

    /** The batch's figures (contactsTotal 0), after recording which contacts and callers it changed. */
    Figures count(String campaignId, List<ActivityRecord> records, Instant publishedAt) {
        long delivered = 0;
        long clicks = 0;
        long cost = 0;
        Set<String> messaged = new LinkedHashSet<>();
        Set<String> dialed = new LinkedHashSet<>();
        for (ActivityRecord record : records) {
            switch (record.type()) {
                case MESSAGE_DELIVERED -> delivered++;
                case LINK_CLICKED -> clicks++;
                case COST_INCURRED -> cost = Saturating.add(cost, record.costMicros() == null ? 0 : record.costMicros());
                case MESSAGE_SENT -> addContact(messaged, record);
                case CALL_PLACED -> addContact(dialed, record);
                default -> {
                }
            }
        }
        long newlyMessaged = ContactFlag.MESSAGED.set(jdbc, newContacts, campaignId, messaged);
        long newlyDialed = ContactFlag.DIALED.set(jdbc, newContacts, campaignId, dialed);
        int loggedIn = callers.apply(campaignId, records, publishedAt);
        return new Figures(0, newlyMessaged, newlyDialed, delivered, clicks, cost, loggedIn);
    }

    void deleteAll() {
        jdbc.execute("TRUNCATE TABLE campaign_index_contact");
        callers.deleteAll();
    }

    /** A record without a contact reached no one the index can tell apart: it is not counted as one. */
    private static void addContact(Set<String> contacts, ActivityRecord record) {
        if (record.contactId() != null && !record.contactId().value().isBlank()) {
            contacts.add(key(record.contactId().value()));
        }
    }

    /**
     * The key a contact or caller is stored under: itself, or for an id longer than the API allows
     * (possible in events stored before it was limited) a digest, which keeps distinct ids distinct.
     */
    static String key(String id) {
        if (id.length() <= KEY_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The two flags of {@code campaign_index_contact}; the column name never comes from input. */
    private enum ContactFlag {
        MESSAGED("messaged"),
        DIALED("dialed");

        private final String column;

        ContactFlag(String column) {
            this.column = column;
        }

        /** Sets this flag for the contacts; answers how many did not have it yet. */
        long set(JdbcTemplate jdbc, NewRows insert, String campaignId, Set<String> contacts) {
            long newly = 0;
            for (List<String> chunk : Chunks.of(contacts)) {
                Map<String, Boolean> known = new HashMap<>();
                new KeyLookup(jdbc).query("contact_id, " + column, "campaign_index_contact", "contact_id", campaignId,
                        chunk, "", rs -> {
                            known.put(rs.getString(1), rs.getBoolean(2));
                        });
                List<Object[]> inserts = new ArrayList<>();
                List<Object[]> updates = new ArrayList<>();
                for (String contact : chunk) {
                    Boolean flagged = known.get(contact);
                    if (flagged == null) {
                        inserts.add(new Object[] {campaignId, contact, this == MESSAGED, this == DIALED});
                    } else if (!flagged) {
                        updates.add(new Object[] {campaignId, contact});
                    }
                }
                insert.write(inserts);
                jdbc.batchUpdate("UPDATE campaign_index_contact SET " + column + " = TRUE WHERE campaign_id = ? "
                        + "AND contact_id = ?", updates);
                newly += inserts.size() + updates.size();
            }
            return newly;
        }
    }
}
