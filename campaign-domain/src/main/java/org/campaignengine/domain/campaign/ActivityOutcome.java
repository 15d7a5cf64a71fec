package org.campaignengine.domain.campaign;

import java.util.List;

/**
 * The answer to a batch of activity: how many records counted, were seen before, or were refused and why;
 * the campaign's status and version; and its activity version, how many records it has kept once this
 * batch's are, which a read may wait for.
 */
public record ActivityOutcome(int accepted, int duplicates, List<Rejection> rejected, CampaignStatus status,
                              long version, long activityVersion) {

    public record Rejection(String recordId, String reason) {
    }
}
