package org.campaignengine.api.web;

import java.time.Clock;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.Situation;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.domain.campaign.Transition;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.DisplayProfile;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A campaign as {@code GET /api/v1/campaigns/{id}} shows it: the index row, its settings, whether it
 * can launch and what it lacks, and the actions its status allows now (all answers of the one transition
 * table).
 */
record CampaignDetail(
        @JsonUnwrapped IndexRow row,
        CampaignSettings settings,
        boolean launchable,
        List<String> missing,
        List<String> allowedActions) {

    static CampaignDetail of(CampaignRow row, TimeRules rules, Clock clock, DisplayProfile profile) {
        Situation situation = Situation.of(row.status(), row.channel(), row.settings(), row.launchAt(),
                row.launchedAt() != null, clock.instant(), rules);
        return new CampaignDetail(IndexRow.of(row, clock, profile), row.settings(),
                Transition.launchable(situation), situation.missing(), Transition.allowedActions(situation));
    }
}
