package org.campaignengine.api.activity;

import java.util.List;

import org.campaignengine.domain.campaign.ActivityOutcome;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "What became of a batch of activity records.")
record ActivityAccepted(
        @Schema(description = "Records that counted.", example = "98") int accepted,
        @Schema(description = "Records whose `recordId` was seen before; nothing changed for them.", example = "1")
        int duplicates,
        @Schema(description = "Records refused, each with its reason.") List<ActivityOutcome.Rejection> rejected,
        @Schema(description = "The campaign's version (activity does not change it).", example = "5") long version,
        @Schema(description = "How many records the campaign has kept, this batch's included: read the analytics, "
                + "contacts or conversations with `activityVersion` set to it to see them.", example = "1200")
        long activityVersion) {
    static ActivityAccepted of(ActivityOutcome outcome) {
        return new ActivityAccepted(outcome.accepted(), outcome.duplicates(), outcome.rejected(),
                outcome.version(), outcome.activityVersion());
    }
}
