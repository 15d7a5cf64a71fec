package org.campaignengine.domain.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One launch attempt of a campaign, matching its outcome to it. It is derived from the campaign and
 * the sequence number of the {@code LaunchRequested} event, so it is unique per attempt and the same
 * on every replay, without a random id made inside the domain.
 */
public record LaunchId(String value) {

    @JsonCreator
    public LaunchId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a launch id is not blank");
        }
    }

    public static LaunchId of(String value) {
        return new LaunchId(value);
    }

    /** The id of the launch the campaign's next event requests, after the event of {@code version} (null: none yet). */
    static LaunchId next(CampaignId campaign, Long version) {
        return requestedAt(campaign, version == null ? 0 : version + 1);
    }

    /** The id of the launch requested by the event with this sequence number. */
    static LaunchId requestedAt(CampaignId campaign, long sequence) {
        return new LaunchId(campaign.value() + "#" + sequence);
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
