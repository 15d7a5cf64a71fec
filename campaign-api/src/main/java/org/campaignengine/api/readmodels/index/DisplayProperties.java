package org.campaignengine.api.readmodels.index;

import org.campaignengine.projections.statusindex.DisplayProfile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code campaign.display.profile}: whose words {@code displayStatus} uses when a request names no
 * {@code profile} (thrutext, thrutalk, two-way, bulk-sms or status-guide). The default is the status
 * guide: the one product guide written for SMS and voice campaigns alike, with a word for most statuses. An
 * unknown name stops the engine at startup rather than showing the wrong words.
 */
@ConfigurationProperties("campaign.display")
public record DisplayProperties(@DefaultValue("status-guide") DisplayProfile profile) {
}
