package org.campaignengine.domain.campaign;

import java.util.List;

/** Schedule or launch of a campaign that lacks what the lifecycle rules' launch readiness requires. */
public final class NotReadyForLaunch extends CampaignRuleViolation {

    private final List<String> missing;

    public NotReadyForLaunch(List<String> missing) {
        super("NOT_LAUNCH_READY", "The campaign is not ready to launch; missing: " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
