package org.campaignengine.projections.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.tables.Chunks;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pages of a campaign's conversations, most recent activity first, then by contact id so pages never
 * overlap. Without {@code q} the page is read by the (campaign, section) index and, for a tag, the
 * (campaign, tag) index; its total is the section's counter kept as events arrived, or a count of the
 * tagged rows. Names and phones are sealed under their contacts' keys, so a search by name or phone
 * cannot be answered by SQL: it reads the campaign's conversations in page order, opens them a few hundred
 * at a time and matches in Java, which costs a read of the campaign's section (never beyond the campaign).
 */
class ConversationSearch {

    /** Text a person types for a phone number: digits with the usual punctuation, matched on digits alone. */
    private static final Pattern PHONE_LIKE = Pattern.compile("[0-9+()\\-. ]*[0-9][0-9+()\\-. ]*");

    private final JdbcTemplate jdbc;
    private final ConversationTable table;
    private final ConversationCampaigns campaigns;
    private final PersonalData personal;

    ConversationSearch(JdbcTemplate jdbc, ConversationTable table, ConversationCampaigns campaigns,
                       PersonalData personal) {
        this.jdbc = jdbc;
        this.table = table;
        this.campaigns = campaigns;
        this.personal = personal;
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
        String select = "SELECT c.contact_id, " + columns() + from + " ORDER BY c.activity_at DESC, c.contact_id";
        String q = query.q() == null ? "" : query.q().strip();
        if (!q.isEmpty()) {
            return searched(query, new Match(q), select, args);
        }
        // the total first: the rows and their counter commit together, so rows read after the count include
        // every row it counts (read the other way round, a commit in between answers a total without its rows)
        long total = tagged
                ? jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, args.toArray())
                : campaigns.count(query.campaignId(), query.section());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<Conversation> found = jdbc.query(select + " LIMIT ? OFFSET ?",
                (rs, n) -> ConversationTable.conversation(rs, List.of()), pageArgs.toArray());
        PersonalData.Opener opener = personal.opener(found.stream().map(Conversation::contactId).toList());
        List<ConversationRow> items = withTags(query.campaignId(), found).stream()
                .map(c -> c.row(opener.open(c.contactId(), c.name()), opener.open(c.contactId(), c.phone()))).toList();
        return new ConversationPage(items, query.page(), query.size(), total);
    }

    /** Every conversation of the section in page order, opened a chunk at a time; the page's matches kept, all counted. */
    private ConversationPage searched(ListConversations query, Match match, String select, List<Object> args) {
        long skip = (long) query.page() * query.size();
        List<ConversationRow> items = new ArrayList<>();
        long[] total = {0};
        List<Conversation> chunk = new ArrayList<>();
        Runnable open = () -> {
            PersonalData.Opener opener = personal.opener(chunk.stream().map(Conversation::contactId).toList());
            List<Conversation> kept = new ArrayList<>();
            List<PersonalData.Revealed[]> shown = new ArrayList<>();
            for (Conversation c : chunk) {
                PersonalData.Revealed name = opener.open(c.contactId(), c.name());
                PersonalData.Revealed phone = opener.open(c.contactId(), c.phone());
                if (match.matches(name.text(), phone.text()) && total[0]++ >= skip && items.size() + kept.size() < query.size()) {
                    kept.add(c);
                    shown.add(new PersonalData.Revealed[]{name, phone});
                }
            }
            List<Conversation> tagged = withTags(query.campaignId(), kept);
            for (int i = 0; i < tagged.size(); i++) {
                items.add(tagged.get(i).row(shown.get(i)[0], shown.get(i)[1]));
            }
            chunk.clear();
        };
        jdbc.query(select, rs -> {
            chunk.add(ConversationTable.conversation(rs, List.of()));
            if (chunk.size() == Chunks.SIZE) {
                open.run();
            }
        }, args.toArray());
        open.run();
        return new ConversationPage(items, query.page(), query.size(), total[0]);
    }

    private List<Conversation> withTags(String campaignId, List<Conversation> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<String, List<String>> tags = table.tags(campaignId, found.stream().map(Conversation::contactId).toList());
        return found.stream().map(c -> c.withTags(tags.getOrDefault(c.contactId(), List.of()))).toList();
    }

    /** Name or phone containing the text, ignoring case; text that looks like a phone number also matches on digits. */
    private record Match(String lower, String digits) {

        Match(String q) {
            this(q.toLowerCase(Locale.ROOT), PHONE_LIKE.matcher(q).matches() ? q.replaceAll("[^0-9]", "") : null);
        }

        boolean matches(String name, String phone) {
            return contains(name, lower) || contains(phone, lower)
                    || (digits != null && phone != null && phone.replaceAll("[^0-9]", "").contains(digits));
        }

        private static boolean contains(String value, String part) {
            return value != null && value.toLowerCase(Locale.ROOT).contains(part);
        }
    }

    private static String columns() {
        return "c." + ConversationTable.COLUMNS.replace(", ", ", c.");
    }
}
