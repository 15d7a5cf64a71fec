package org.campaignengine.domain.campaign;

import java.util.List;
import java.util.Set;

/**
 * The campaign's answer to {@link CampaignCommand.AssessActivity}: a verdict per record, in the batch's
 * order; the ids of which some copy was refused (a refused record kept before is a duplicate, so the
 * intake looks those up); and the campaign's status and version as it decided.
 */
public record ActivityDecision(List<ActivityVerdict> verdicts, Set<String> refusedIds, CampaignStatus status,
                               long version) {

    public ActivityDecision {
        verdicts = List.copyOf(verdicts);
        refusedIds = Set.copyOf(refusedIds);
    }
}
