package org.campaignengine.projections.conversations;

import org.campaignengine.domain.campaign.ActivityType;

/**
 * The newest message of a conversation as far as activity records tell it: who wrote it (its type:
 * REPLY_RECEIVED, OPTED_OUT, AGENT_REPLIED or BOT_REPLIED) and the sender's message id. Records carry no
 * message text, so none is shown.
 */
public record LastMessage(ActivityType type, String messageId) {
}
