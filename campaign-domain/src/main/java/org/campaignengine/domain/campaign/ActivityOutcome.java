package org.campaignengine.domain.campaign;

import java.util.List;

/** The answer to a batch of activity: how many records counted, were seen before, or were refused and why. */
public record ActivityOutcome(int accepted, int duplicates, List<Rejection> rejected, CampaignStatus status,
                              long version) {

    public record Rejection(String recordId, String reason) {
    }
}
