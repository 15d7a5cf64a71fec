package org.campaignengine.projections.conversations;

import static org.campaignengine.projections.tables.Columns.instant;
import static org.campaignengine.projections.tables.Columns.time;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.projections.scope.Erasure;
import org.campaignengine.projections.tables.KeyLookup;
import org.campaignengine.projections.tables.NewRows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code campaign_conversation} rows and their tags. A batch of activity is read once, changed in
 * memory and written back one statement per kind of change; the processor is the only writer, one
 * campaign at a time, so the rows read are the rows to update and the others are new.
 */
class ConversationTable {

    static final String COLUMNS = "name, phone, section, needs_attention, "
            + "operated_by, chosen_operator, last_message_at, last_message_type, last_message_id, activity_at";

    private final JdbcTemplate jdbc;
    private final KeyLookup keys;
    private final NewRows newRows;
    private final NewRows newTags;

    ConversationTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.keys = new KeyLookup(jdbc);
        this.newRows = new NewRows(jdbc, "campaign_conversation", NewRows.columns(COLUMNS, "campaign_id",
                "contact_id"));
        this.newTags = new NewRows(jdbc, "campaign_conversation_tag", List.of("campaign_id", "contact_id", "tag",
                "tag_position"));
    }

    Map<String, Conversation> load(String campaignId, Collection<String> contactIds) {
        Map<String, List<String>> tags = tags(campaignId, contactIds);
        Map<String, Conversation> found = new HashMap<>();
        keys.query("contact_id, " + COLUMNS, "campaign_conversation", "contact_id", campaignId, contactIds, "", rs -> {
            Conversation c = conversation(rs, tags.getOrDefault(rs.getString("contact_id"), List.of()));
            found.put(c.contactId(), c);
        });
        return found;
    }

    /** Each listed contact's tags in the order they were added. */
    Map<String, List<String>> tags(String campaignId, Collection<String> contactIds) {
        Map<String, List<String>> tags = new HashMap<>();
        keys.query("contact_id, tag, tag_position", "campaign_conversation_tag", "contact_id", campaignId, contactIds,
                "contact_id, tag_position", rs -> {
                    tags.computeIfAbsent(rs.getString("contact_id"), id -> new ArrayList<>()).add(rs.getString("tag"));
                });
        return tags;
    }

    /** Writes what changed between {@code before} (as read) and {@code after}; answers how each section's count moved. */
    Map<Section, Long> save(String campaignId, Map<String, Conversation> before, Map<String, Conversation> after) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        Map<Section, Long> moved = new EnumMap<>(Section.class);
        for (Conversation c : after.values()) {
            Conversation was = before.get(c.contactId());
            if (c.equals(was)) {
                continue;
            }
            (was == null ? inserts : updates).add(values(campaignId, c));
            List<String> old = was == null ? List.of() : was.tags();
            for (int i = old.size(); i < c.tags().size(); i++) {
                tags.add(new Object[] {campaignId, c.contactId(), c.tags().get(i), i});
            }
            Section from = was == null ? null : was.section();
            if (from != c.section()) {
                if (from != null) {
                    moved.merge(from, -1L, Long::sum);
                }
                if (c.section() != null) {
                    moved.merge(c.section(), 1L, Long::sum);
                }
            }
        }
        newRows.write(inserts);
        jdbc.batchUpdate("UPDATE campaign_conversation SET " + COLUMNS.replace(",", " = ?,") + " = ? "
                + "WHERE campaign_id = ? AND contact_id = ?", updates);
        newTags.write(tags);
        return moved;
    }

    /** A forgotten contact's name and phone, in every campaign, marked erased. */
    void erase(String contactId) {
        Erasure.erase(jdbc, "campaign_conversation", contactId);
    }

    void deleteAll() {
        jdbc.update("DELETE FROM campaign_conversation_tag");
        jdbc.update("DELETE FROM campaign_conversation");
    }

    private static Object[] values(String campaignId, Conversation c) {
        Section section = c.section();
        return new Object[] {c.name(), c.phone(), section == null ? null : section.name(), c.needsAttention(), name(c.operatedBy()),
                name(c.chosenOperator()), time(c.lastMessageAt()), name(c.lastMessageType()), c.lastMessageId(),
                time(c.activityAt()), campaignId, c.contactId()};
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Conversation conversation(ResultSet rs, List<String> tags) throws SQLException {
        String operatedBy = rs.getString("operated_by");
        String chosen = rs.getString("chosen_operator");
        String type = rs.getString("last_message_type");
        return new Conversation(rs.getString("contact_id"), rs.getString("name"), rs.getString("phone"),
                rs.getBoolean("needs_attention"), operatedBy == null ? null : OperatedBy.valueOf(operatedBy),
                chosen == null ? null : OperatedBy.valueOf(chosen), tags, instant(rs, "last_message_at"),
                type == null ? null : ActivityType.valueOf(type), rs.getString("last_message_id"),
                instant(rs, "activity_at"));
    }
}
