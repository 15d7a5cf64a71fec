package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;

/**
 * Everything the transition table needs to answer "may this campaign do that now": its status and
 * channel, whether a scheduled launch is inside its lock window, whether it was ever launched, and
 * the settings it lacks for a launch (§5; empty when launch-ready). The aggregate and the read side
 * build it with {@link #of}, from the same facts, so a refusal and a page offer the same actions.
 */
public record Situation(CampaignStatus status, Channel channel, boolean insideLockWindow, boolean everLaunched,
                        List<String> missing) {

    public Situation {
        missing = List.copyOf(missing);
    }

    public static Situation of(CampaignStatus status, Channel channel, CampaignSettings settings, Instant launchAt,
                               boolean everLaunched, Instant now, TimeRules rules) {
        boolean locked = Transition.awaitsLaunchAt(status) && rules.insideLockWindow(launchAt, now);
        return new Situation(status, channel, locked, everLaunched, LaunchReadiness.missing(channel, settings, now));
    }
}
