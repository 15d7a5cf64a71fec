package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignCommand.UpdateSettings;

/**
 * An edit the transition table allowed, worked out against the campaign: the settings it leads to,
 * the fields whose values change, a launch time it moves, and whether a running campaign's end date
 * moves. It refuses values no campaign may have, and keeps launch-ready a campaign whose row says so.
 */
record SettingsEdit(CampaignSettings next, List<String> changed, Instant movedLaunch, boolean endMoved) {

    static SettingsEdit of(UpdateSettings cmd, Transition row, CampaignState state, Instant now, TimeRules rules) {
        SettingsValidator.require(cmd.values(), cmd.fields());
        CampaignSettings next = SettingField.merge(state.settings(), cmd.values(), cmd.fields());
        List<String> changed = SettingField.changed(state.settings(), next, cmd.fields());
        Instant moved = cmd.launchAt() != null && !cmd.launchAt().equals(state.launchAt()) ? cmd.launchAt() : null;
        SettingsEdit edit = new SettingsEdit(next, changed, moved,
                changed.contains(SettingField.END_AT.apiName()) && Transition.running(state.status()));
        if (edit.changesNothing()) {
            return edit;
        }
        if (row.edits().keepLaunchReady()) {
            LaunchReadiness.require(state.channel(), next, now);
            rules.requireLaunchTime(moved == null ? state.launchAt() : moved, state.createdAt(), next.endAt(), now);
        }
        if (edit.endMoved() && (next.endAt() == null || !next.endAt().isAfter(now))) {
            throw InvalidCampaignInput.of("endAt", "must be in the future while the campaign runs");
        }
        return edit;
    }

    boolean changesNothing() {
        return changed.isEmpty() && movedLaunch == null;
    }
}
