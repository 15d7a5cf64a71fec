package org.campaignengine.domain.numbers;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.campaignengine.domain.campaign.CampaignId;

/** What a use case's number pool is asked: to hold numbers for a campaign's launch, or to let them go. */
public sealed interface NumberPoolCommand {

    record ReservePhoneNumbers(@TargetAggregateIdentifier String useCaseId, CampaignId campaignId, int count)
            implements NumberPoolCommand {
    }

    record ReleasePhoneNumbers(@TargetAggregateIdentifier String useCaseId, CampaignId campaignId)
            implements NumberPoolCommand {
    }
}
