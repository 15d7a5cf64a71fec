package org.campaignengine.domain.campaign;

public enum OperatedBy {
    AGENT,
    VIRTUAL_ASSISTANT
}
