package org.campaignengine.projections.analytics;

import java.time.Instant;

/**
 * Asks for one campaign's activity series; answered with an optional {@link CampaignActivity}.
 * {@code granularity} null lets the range's length choose; {@code now} ends a range still open, and
 * comes from the caller's clock so that tests and every node agree on it.
 */
public record FindActivity(String campaignId, Granularity granularity, Instant now) {
}
