package org.campaignengine.domain.numbers;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface NumberPoolCommand {

    record ReservePhoneNumbers(@TargetAggregateIdentifier String useCaseId, String campaignId, int count)
            implements NumberPoolCommand {
    }

    record ReleasePhoneNumbers(@TargetAggregateIdentifier String useCaseId, String campaignId)
            implements NumberPoolCommand {
    }
}
