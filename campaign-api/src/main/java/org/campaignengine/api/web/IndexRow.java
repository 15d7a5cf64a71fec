package org.campaignengine.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignSettings;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Channel;
import org.campaignengine.domain.campaign.ContactList;
import org.campaignengine.domain.campaign.OperatedBy;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.projections.statusindex.CampaignRow;

/**
 * A campaign as the index pages list it (API.md, Index row fields): the columns the engine keeps.
 * {@code autoArchiveInDays} is set only while the auto-archive warning is on.
 */
record IndexRow(
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
        long version) {

    record Error(String code, String message) {
    }

    static IndexRow of(CampaignRow row, Clock clock) {
        CampaignSettings s = row.settings();
        Long daysLeft = row.autoArchiveWarned() && row.autoArchiveAt() != null
                ? Math.max(0, Duration.between(clock.instant(), row.autoArchiveAt()).toDays()) : null;
        Error error = row.errorCode() == null ? null : new Error(row.errorCode(), row.errorMessage());
        return new IndexRow(row.id(), s.name(), row.channel(), row.status(), s.office(), s.tags(), s.contactList(),
                s.operatedBy(), row.phoneNumbers(), row.createdAt(), row.updatedAt(), row.launchedAt(), s.startAt(),
                s.endAt(), row.launchAt(), row.autoArchiveAt(), daysLeft, row.archiveReason(), row.suspendedReason(),
                error, row.statusReason(), row.clonedFrom(), row.version());
    }
}
