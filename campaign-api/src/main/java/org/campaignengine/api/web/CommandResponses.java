package org.campaignengine.api.web;

import java.util.List;

import org.campaignengine.domain.campaign.ActivityOutcome;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.CommandOutcome;

final class CommandResponses {

    private CommandResponses() {
    }

    record Accepted(String id, CampaignStatus status, long version) {
        static Accepted of(CommandOutcome outcome) {
            return new Accepted(outcome.campaignId(), outcome.status(), outcome.version());
        }
    }

    record Cloned(String id, CampaignStatus status, String clonedFrom, long version) {
    }

    record ActivityAccepted(int accepted, int duplicates, List<ActivityOutcome.Rejection> rejected, long version) {
        static ActivityAccepted of(ActivityOutcome outcome) {
            return new ActivityAccepted(outcome.accepted(), outcome.duplicates(), outcome.rejected(),
                    outcome.version());
        }
    }
}
