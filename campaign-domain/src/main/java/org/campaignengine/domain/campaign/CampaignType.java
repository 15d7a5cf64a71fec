package org.campaignengine.domain.campaign;

public enum CampaignType {
    OUTBOUND_ONLY,
    INBOUND_AND_OUTBOUND
}
