package org.campaignengine.api.campaigns;

import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.CommandOutcome;

import io.swagger.v3.oas.annotations.media.Schema;

final class CommandResponses {

    private CommandResponses() {
    }

    private static final String VERSION = "The campaign's version after the command: its last event's sequence "
            + "number. Pass it as `minVersion` to read the change back.";

    @Schema(description = "A command's answer: the campaign, its status and version after the command.")
    record Accepted(
            @Schema(description = "The campaign's id.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b") String id,
            @Schema(description = "Its status after the command.", example = "PAUSED") CampaignStatus status,
            @Schema(description = VERSION, example = "5") long version) {
        static Accepted of(CommandOutcome outcome) {
            return new Accepted(outcome.campaignId(), outcome.status(), outcome.version());
        }
    }

    @Schema(description = "A clone's answer: the new DRAFT campaign and the one it was cloned from.")
    record Cloned(
            @Schema(description = "The clone's id.", example = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d") String id,
            @Schema(description = "The clone's status: DRAFT.", example = "DRAFT") CampaignStatus status,
            @Schema(description = "The original campaign's id.", example = "3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b")
            String clonedFrom,
            @Schema(description = "The original campaign's version after the clone was recorded on it.", example = "6")
            long version) {
    }
}
