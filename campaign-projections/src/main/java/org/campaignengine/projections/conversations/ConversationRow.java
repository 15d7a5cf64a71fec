package org.campaignengine.projections.conversations;

import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.OperatedBy;

/** One conversation as the conversations page lists it; {@code lastMessage} is null before any message. */
public record ConversationRow(String contactId, String name, String phone, boolean needsAttention,
                              OperatedBy operatedBy, List<String> tags, Instant lastMessageAt,
                              LastMessage lastMessage) {
}
