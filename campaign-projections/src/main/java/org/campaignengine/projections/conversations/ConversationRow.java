package org.campaignengine.projections.conversations;

import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.OperatedBy;

/**
 * One conversation as the conversations page lists it; {@code lastMessage} is null before any message.
 * {@code erased}: the contact was forgotten, so its name and phone are gone (null) for good.
 */
public record ConversationRow(String contactId, String name, String phone, boolean needsAttention,
                              OperatedBy operatedBy, List<String> tags, Instant lastMessageAt,
                              LastMessage lastMessage, boolean erased) {

    /** A conversation whose contact's name and phone were never erased. */
    public ConversationRow(String contactId, String name, String phone, boolean needsAttention,
                           OperatedBy operatedBy, List<String> tags, Instant lastMessageAt, LastMessage lastMessage) {
        this(contactId, name, phone, needsAttention, operatedBy, tags, lastMessageAt, lastMessage, false);
    }
}
