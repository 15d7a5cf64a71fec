package org.campaignengine.projections.conversations;

import static org.campaignengine.projections.tables.Columns.clip;
import static org.campaignengine.projections.tables.Columns.later;
import static org.campaignengine.projections.tables.Columns.personal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.privacy.PersonalData;

/**
 * One contact of a campaign as the conversations model keeps it, changed only by {@link #apply}. Its
 * conversation begins with the first message from or to the contact (a reply, an opt-out, an agent's or
 * the virtual assistant's reply) or the first record that manages it; until then ({@code activityAt} null)
 * it only remembers the name and phone that earlier records, such as sends, carried.
 *
 * <p>Needs attention is switched by the explicit records and, as ThruText's "needs reply", by messages:
 * a contact's reply to an agent-operated conversation needs an agent, and an agent's reply answers it.
 * Only the conversation's newest message (by its own time) decides, so a late-reported older reply does
 * not flag a conversation that was answered since. The virtual assistant answers its own conversations,
 * so a reply to one does not flag it. {@code chosenOperator} is an OPERATED_BY_CHANGED choice; without
 * one, the conversation follows the campaign's operator.
 */
record Conversation(String contactId, String name, String phone, boolean needsAttention, OperatedBy operatedBy,
                    OperatedBy chosenOperator, List<String> tags, Instant lastMessageAt, ActivityType lastMessageType,
                    String lastMessageId, Instant activityAt) {

    static final int NAME_WIDTH = 300;
    static final int PHONE_WIDTH = 64;
    static final int MESSAGE_ID_WIDTH = 200;
    static final int TAG_WIDTH = 30;

    Conversation {
        tags = List.copyOf(tags);
    }

    static Conversation of(String contactId) {
        return new Conversation(contactId, null, null, false, null, null, List.of(), null, null, null, null);
    }

    /** The section it is listed in; null while the conversation has not begun. */
    Section section() {
        return activityAt == null ? null : Section.of(needsAttention, operatedBy);
    }

    /** After {@code record}; {@code eventTime} stands in for a record without a time of its own. */
    Conversation apply(ActivityRecord record, Instant eventTime, OperatedBy campaignOperator) {
        Instant at = record.at() != null ? record.at() : eventTime;
        Conversation c = new Conversation(contactId,
                record.contactName() != null ? personal(record.contactName(), NAME_WIDTH) : name,
                record.phone() != null ? personal(record.phone(), PHONE_WIDTH) : phone,
                needsAttention, operatedBy, chosenOperator, tags, lastMessageAt, lastMessageType, lastMessageId,
                activityAt);
        OperatedBy operator = chosenOperator != null ? chosenOperator : campaignOperator;
        return switch (record.type()) {
            case REPLY_RECEIVED -> c.message(record, at, operator, operator == OperatedBy.AGENT ? Boolean.TRUE : null);
            case AGENT_REPLIED -> c.message(record, at, operator, Boolean.FALSE);
            case BOT_REPLIED, OPTED_OUT -> c.message(record, at, operator, null);
            case NEEDS_ATTENTION_SET -> c.managed(at, true, chosenOperator, operator, tags);
            case NEEDS_ATTENTION_CLEARED -> c.managed(at, false, chosenOperator, operator, tags);
            case OPERATED_BY_CHANGED -> record.operatedBy() == null ? c
                    : c.managed(at, needsAttention, record.operatedBy(), record.operatedBy(), tags);
            case CONVERSATION_TAGGED -> c.managed(at, needsAttention, chosenOperator, operator, c.tagged(record));
            default -> c;
        };
    }

    /** A message; {@code attention} is what it says of needing attention (null: nothing) if it is the newest. */
    private Conversation message(ActivityRecord record, Instant at, OperatedBy operator, Boolean attention) {
        boolean newest = lastMessageAt == null || !at.isBefore(lastMessageAt);
        if (!newest) {
            return managed(at, needsAttention, chosenOperator, operator, tags);
        }
        return new Conversation(contactId, name, phone, attention == null ? needsAttention : attention, operator,
                chosenOperator, tags, at, record.type(), clip(record.messageId(), MESSAGE_ID_WIDTH),
                later(activityAt, at));
    }

    private Conversation managed(Instant at, boolean attention, OperatedBy chosen, OperatedBy operator,
                                 List<String> withTags) {
        return new Conversation(contactId, name, phone, attention, operator, chosen, withTags, lastMessageAt,
                lastMessageType, lastMessageId, later(activityAt, at));
    }

    /** Tags are added once each, in the order they came (the write side keeps them to 3 of 30 characters). */
    private List<String> tagged(ActivityRecord record) {
        List<String> all = new ArrayList<>(tags);
        for (String tag : record.tags()) {
            String kept = tag == null ? "" : clip(tag, TAG_WIDTH);
            if (!kept.isBlank() && !all.contains(kept)) {
                all.add(kept);
            }
        }
        return all;
    }

    Conversation withTags(List<String> all) {
        return new Conversation(contactId, name, phone, needsAttention, operatedBy, chosenOperator, all, lastMessageAt,
                lastMessageType, lastMessageId, activityAt);
    }

    /** The row for a reader, its name and phone opened as {@code shownName} and {@code shownPhone}. */
    ConversationRow row(PersonalData.Revealed shownName, PersonalData.Revealed shownPhone) {
        return new ConversationRow(contactId, shownName.text(), shownPhone.text(), needsAttention, operatedBy, tags,
                lastMessageAt, lastMessageType == null ? null : new LastMessage(lastMessageType, lastMessageId),
                shownName.erased() || shownPhone.erased());
    }
}
