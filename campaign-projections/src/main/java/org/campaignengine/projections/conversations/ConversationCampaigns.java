package org.campaignengine.projections.conversations;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.campaignengine.domain.campaign.OperatedBy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code conversations_campaign} holds beyond the campaign's scope: the campaign's operator, which
 * every conversation without a chosen one follows, and each section's count, kept as conversations move.
 */
class ConversationCampaigns {

    static final String TABLE = "conversations_campaign";

    private final JdbcTemplate jdbc;

    ConversationCampaigns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's operator; AGENT when its settings name none (a campaign without a virtual assistant). */
    OperatedBy operator(String campaignId) {
        List<String> found = jdbc.queryForList("SELECT operated_by FROM " + TABLE + " WHERE campaign_id = ?",
                String.class, campaignId);
        return found.isEmpty() ? OperatedBy.AGENT : OperatedBy.valueOf(found.get(0));
    }

    /**
     * The campaign's operator changed: the conversations that follow it change operator with it, and those
     * not waiting for attention move to the new operator's section, counted by the rows the update touched.
     */
    void operatorChanged(String campaignId, OperatedBy operator) {
        OperatedBy previous = operator(campaignId);
        if (previous == operator) {
            return;
        }
        jdbc.update("UPDATE " + TABLE + " SET operated_by = ? WHERE campaign_id = ?", operator.name(), campaignId);
        long moved = jdbc.update("UPDATE campaign_conversation SET operated_by = ?, section = ? "
                + "WHERE campaign_id = ? AND section = ? AND chosen_operator IS NULL", operator.name(),
                Section.operatedBy(operator).name(), campaignId, Section.operatedBy(previous).name());
        jdbc.update("UPDATE campaign_conversation SET operated_by = ? "
                + "WHERE campaign_id = ? AND section = ? AND chosen_operator IS NULL", operator.name(), campaignId,
                Section.NEEDS_ATTENTION.name());
        Map<Section, Long> counts = new EnumMap<>(Section.class);
        counts.put(Section.operatedBy(previous), -moved);
        counts.put(Section.operatedBy(operator), moved);
        add(campaignId, counts);
    }

    void add(String campaignId, Map<Section, Long> counts) {
        List<Map.Entry<Section, Long>> changed = counts.entrySet().stream().filter(e -> e.getValue() != 0).toList();
        if (changed.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(changed.stream().map(Map.Entry::getValue).toList());
        args.add(campaignId);
        jdbc.update("UPDATE " + TABLE + " SET " + changed.stream().map(e -> e.getKey().counter())
                .map(c -> c + " = " + c + " + ?").collect(Collectors.joining(", ")) + " WHERE campaign_id = ?",
                args.toArray());
    }

    /** Conversations in the section, or in all of them (null), as counted while events arrived. */
    long count(String campaignId, Section section) {
        String sum = section == null ? Section.NEEDS_ATTENTION.counter() + " + " + Section.AGENT.counter() + " + "
                + Section.VIRTUAL_ASSISTANT.counter() : section.counter();
        List<Long> found = jdbc.queryForList("SELECT " + sum + " FROM " + TABLE + " WHERE campaign_id = ?",
                Long.class, campaignId);
        return found.isEmpty() ? 0 : found.get(0);
    }
}
