package org.campaignengine.domain.campaign;

import java.time.Instant;

/**
 * Everything the transition table needs to answer "may this campaign do that now": its status and
 * channel, whether a scheduled launch is inside its lock window, and whether it was ever launched.
 * The aggregate and the read side build it with {@link #of}, from the same facts, so a refusal and a
 * page offer the same actions.
 */
public record Situation(CampaignStatus status, Channel channel, boolean insideLockWindow, boolean everLaunched) {

    public static Situation of(CampaignStatus status, Channel channel, Instant launchAt, boolean everLaunched,
                               Instant now, TimeRules rules) {
        boolean locked = status == CampaignStatus.SCHEDULED && rules.insideLockWindow(launchAt, now);
        return new Situation(status, channel, locked, everLaunched);
    }
}
