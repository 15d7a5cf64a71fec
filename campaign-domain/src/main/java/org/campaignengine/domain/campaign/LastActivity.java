package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.Optional;

/**
 * When activity that keeps a campaign alive last arrived (the lifecycle rules' time rules): one value per
 * campaign, moved forward by the intake as it keeps such activity, read by the inactivity timer as it
 * fires. Recording activity writes no timer, and the timer never reads the activity itself.
 */
public interface LastActivity {

    Optional<Instant> lastActivityAt(CampaignId campaign);
}
