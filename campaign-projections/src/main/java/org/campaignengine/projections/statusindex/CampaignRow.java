package org.campaignengine.projections.statusindex;

import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.PhoneNumber;

/**
 * One campaign as the status index holds it; {@code version} is the last event's sequence number applied.
 * {@code autoArchiveAt} is when the inactivity timer would archive it; pages show it only while
 * {@code autoArchiveWarned}.
 */
public record CampaignRow(
        String id,
        Channel channel,
        CampaignStatus status,
        CampaignSettings settings,
        List<PhoneNumber> phoneNumbers,
        Instant createdAt,
        Instant updatedAt,
        Instant launchedAt,
        Instant launchAt,
        String statusReason,
        String archiveReason,
        String suspendedReason,
        String errorCode,
        String errorMessage,
        Instant autoArchiveAt,
        boolean autoArchiveWarned,
        Figures figures,
        String clonedFrom,
        long version) {
}
