package org.campaignengine.api.campaigns;

import java.time.Clock;
import java.util.List;

import org.campaignengine.api.readmodels.index.IndexRow;
import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Situation;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.domain.campaign.Transition;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.DisplayProfile;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A campaign as {@code GET /api/v1/campaigns/{id}} shows it: the index row, its settings, whether it
 * can launch and what it lacks, and the actions its status allows now (all answers of the one transition
 * table).
 */
@Schema(description = "A campaign: its index row, its settings, whether it can launch and what it lacks, and the "
        + "actions its status allows now.")
record CampaignDetail(
        @JsonUnwrapped IndexRow row,
        @Schema(description = "Its settings.") CampaignSettings settings,
        @Schema(description = "It may launch now: its status allows it and nothing is missing.", example = "false")
        boolean launchable,
        @Schema(description = "The settings it lacks before it can launch.",
                example = "[\"initialMessage\", \"startAt\"]") List<String> missing,
        @Schema(description = "The actions its status allows now, as the lifecycle rules' transition table has them.",
                example = "[\"update\", \"pause\", \"suspend\", \"stop\", \"complete\", \"archive\", "
                        + "\"clone\", \"tag\"]")
        List<String> allowedActions,
        @Schema(description = "The settings an edit may change now (a PATCH of any other is a 409 naming it), and "
                + "`launchAt` when a scheduled launch may move; empty when nothing may be edited.",
                example = "[\"name\", \"tags\", \"endAt\", \"openHours\"]")
        List<String> editableFields) {

    static CampaignDetail of(CampaignRow row, TimeRules rules, Clock clock, DisplayProfile profile) {
        Situation situation = Situation.of(row.status(), row.channel(), row.settings(), row.launchAt(),
                row.launchedAt() != null, clock.instant(), rules);
        return new CampaignDetail(IndexRow.of(row, clock, profile), row.settings(),
                Transition.launchable(situation), situation.missing(), Transition.allowedActions(situation),
                Transition.editableFields(situation));
    }
}
