package org.campaignengine.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.LaunchReadiness;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.domain.campaign.Transition;
import org.campaignengine.projections.statusindex.CampaignRow;

/**
 * A campaign as {@code GET /api/v1/campaigns/{id}} shows it: the index row, its settings, whether it
 * can launch and what it lacks, and the actions its status allows now (from the one transition table).
 */
record CampaignDetail(
        String id,
        String name,
        Channel channel,
        CampaignStatus status,
        String office,
        List<String> tags,
        ContactList contactList,
        OperatedBy operatedBy,
        List<PhoneNumber> phoneNumbers,
        Instant createdAt,
        Instant updatedAt,
        Instant launchedAt,
        Instant startAt,
        Instant endAt,
        Instant launchAt,
        Instant autoArchiveAt,
        Long autoArchiveInDays,
        String archiveReason,
        String suspendedReason,
        Error error,
        String statusReason,
        String clonedFrom,
        CampaignSettings settings,
        boolean launchable,
        List<String> missing,
        List<String> allowedActions,
        long version) {

    record Error(String code, String message) {
    }

    static CampaignDetail of(CampaignRow row, TimeRules rules, Clock clock) {
        Instant now = clock.instant();
        CampaignSettings s = row.settings();
        List<String> missing = LaunchReadiness.missing(row.channel(), s, now);
        boolean locked = row.status() == CampaignStatus.SCHEDULED && rules.insideLockWindow(row.launchAt(), now);
        Long daysLeft = row.autoArchiveWarned() && row.autoArchiveAt() != null
                ? Math.max(0, Duration.between(now, row.autoArchiveAt()).toDays()) : null;
        Error error = row.errorCode() == null ? null : new Error(row.errorCode(), row.errorMessage());
        return new CampaignDetail(row.id(), s.name(), row.channel(), row.status(), s.office(), s.tags(),
                s.contactList(), s.operatedBy(), row.phoneNumbers(), row.createdAt(), row.updatedAt(),
                row.launchedAt(), s.startAt(), s.endAt(), row.launchAt(), row.autoArchiveAt(), daysLeft,
                row.archiveReason(), row.suspendedReason(), error, row.statusReason(), row.clonedFrom(), s,
                Transition.LAUNCH.permits(row.status(), row.channel()) && missing.isEmpty(), missing,
                Transition.allowedActions(row.status(), row.channel(), locked, row.launchedAt() != null),
                row.version());
    }
}
