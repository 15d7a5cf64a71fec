package org.campaignengine.projections.conversations;

import java.util.List;

public record ConversationPage(List<ConversationRow> items, int page, int size, long total) {
}
