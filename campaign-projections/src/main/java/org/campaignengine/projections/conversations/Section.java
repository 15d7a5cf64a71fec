package org.campaignengine.projections.conversations;

import java.util.Arrays;
import java.util.Optional;

import org.campaignengine.domain.campaign.OperatedBy;

/**
 * The groups a campaign's conversations are shown in (the lifecycle rules' read models). They partition the conversations:
 * one that needs attention is moved out of its operator's group into NEEDS_ATTENTION ("it will be moved to
 * the Needs Attention section", says the two-way messaging product) and back when it is cleared, so each
 * conversation is listed once and the groups' counters add up to all conversations. Each has its counter column in
 * {@code conversations_campaign}.
 */
public enum Section {
    NEEDS_ATTENTION("needs-attention", "needs_attention"),
    AGENT("agent", "agent"),
    VIRTUAL_ASSISTANT("virtual-assistant", "virtual_assistant");

    private final String apiName;
    private final String counter;

    Section(String apiName, String counter) {
        this.apiName = apiName;
        this.counter = counter;
    }

    public String apiName() {
        return apiName;
    }

    String counter() {
        return counter;
    }

    public static Optional<Section> byApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }

    static Section of(boolean needsAttention, OperatedBy operatedBy) {
        if (needsAttention) {
            return NEEDS_ATTENTION;
        }
        return operatedBy == OperatedBy.VIRTUAL_ASSISTANT ? VIRTUAL_ASSISTANT : AGENT;
    }

    static Section operatedBy(OperatedBy operatedBy) {
        return of(false, operatedBy);
    }
}
