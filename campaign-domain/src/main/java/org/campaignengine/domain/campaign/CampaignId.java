package org.campaignengine.domain.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A campaign's identity. In JSON and as Axon's aggregate identifier it is the plain string. */
public record CampaignId(String value) {

    @JsonCreator
    public CampaignId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a campaign id is not blank");
        }
    }

    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
