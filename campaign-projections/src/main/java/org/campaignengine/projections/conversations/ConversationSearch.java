package org.campaignengine.projections.conversations;

import static org.campaignengine.projections.Columns.containing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pages of a campaign's conversations, most recent activity first, then by contact id so pages never
 * overlap. Without {@code q} or {@code tag} the total is the section's counter, kept as events arrived.
 * With them it is a count of the matching rows: the (campaign, section) index and, for a tag, the
 * (campaign, tag) index narrow it to the campaign's conversations before name and phone are matched, so
 * it never reads beyond one campaign.
 */
class ConversationSearch {

    /** Text a person types for a phone number: digits with the usual punctuation, matched on digits alone. */
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()\\-. ]*[0-9][0-9+()\\-. ]*");

    private final JdbcTemplate jdbc;
    private final ConversationTable table;
    private final ConversationCampaigns campaigns;

    ConversationSearch(JdbcTemplate jdbc, ConversationTable table, ConversationCampaigns campaigns) {
        this.jdbc = jdbc;
        this.table = table;
        this.campaigns = campaigns;
    }

    ConversationPage page(ListConversations query) {
        StringBuilder from = new StringBuilder(" FROM campaign_conversation c");
        List<Object> args = new ArrayList<>();
        boolean tagged = query.tag() != null && !query.tag().isBlank();
        if (tagged) {
            from.append(" JOIN campaign_conversation_tag t ON t.campaign_id = c.campaign_id"
                    + " AND t.contact_id = c.contact_id AND t.tag = ?");
            args.add(query.tag());
        }
        from.append(" WHERE c.campaign_id = ?");
        args.add(query.campaignId());
        if (query.section() == null) {
            from.append(" AND c.section IS NOT NULL");
        } else {
            from.append(" AND c.section = ?");
            args.add(query.section().name());
        }
        String q = query.q() == null ? "" : query.q().strip();
        boolean searched = !q.isEmpty();
        if (searched) {
            matching(q, from, args);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<Conversation> found = jdbc.query("SELECT c.contact_id, " + columns() + from
                + " ORDER BY c.activity_at DESC, c.contact_id LIMIT ? OFFSET ?",
                (rs, n) -> ConversationTable.conversation(rs, List.of()), pageArgs.toArray());
        Map<String, List<String>> tags = table.tags(query.campaignId(), found.stream().map(Conversation::contactId).toList());
        List<ConversationRow> items = found.stream()
                .map(c -> c.withTags(tags.getOrDefault(c.contactId(), List.of())).row()).toList();
        long total = searched || tagged
                ? jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, args.toArray())
                : campaigns.count(query.campaignId(), query.section());
        return new ConversationPage(items, query.page(), query.size(), total);
    }

    /** Name or phone containing {@code q}, ignoring case, LIKE's wildcards taken literally. */
    private static void matching(String q, StringBuilder where, List<Object> args) {
        String pattern = containing(q.toLowerCase(Locale.ROOT));
        where.append(" AND (c.name_key LIKE ? ESCAPE '\\' OR c.phone_key LIKE ? ESCAPE '\\'");
        args.add(pattern);
        args.add(pattern);
        if (PHONE_LIKE.matcher(q).matches()) {
            where.append(" OR c.phone_digits LIKE ? ESCAPE '\\'");
            args.add(containing(q.replaceAll("[^0-9]", "")));
        }
        where.append(")");
    }

    private static String columns() {
        return "c." + ConversationTable.COLUMNS.replace(", ", ", c.");
    }
}
