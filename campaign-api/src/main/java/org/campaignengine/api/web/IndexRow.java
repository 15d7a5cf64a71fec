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
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.campaignengine.projections.statusindex.Figures;

/**
 * A campaign as the index pages list it (HTTP API, Index row fields). {@code displayStatus} is the chosen
 * product's word for the status. {@code autoArchiveAt} and {@code autoArchiveInDays} are set only while the
 * auto-archive warning is on, the days counted up from now (a campaign archived in 30 hours has 2 days
 * left), so a page never says 0 days for a campaign that is still there tomorrow.
 */
record IndexRow(
        String id,
        String name,
        Channel channel,
        CampaignStatus status,
        String displayStatus,
        String office,
        List<PhoneNumber> phoneNumbers,
        ContactList contactList,
        OperatedBy operatedBy,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        Instant launchedAt,
        Instant startAt,
        Instant endAt,
        Instant launchAt,
        int callersLoggedIn,
        Long dialsRemaining,
        Recipients recipients,
        double clickThroughRate,
        long costMicros,
        Instant autoArchiveAt,
        Long autoArchiveInDays,
        String archiveReason,
        String suspendedReason,
        Error error,
        String statusReason,
        String clonedFrom,
        long version) {

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    record Error(String code, String message) {
    }

    /** Distinct contacts messaged out of the contact list's size. */
    record Recipients(long sent, int total) {
    }

    static IndexRow of(CampaignRow row, Clock clock, DisplayProfile profile) {
        CampaignSettings s = row.settings();
        Figures f = row.figures();
        boolean warned = row.autoArchiveWarned() && row.autoArchiveAt() != null;
        Error error = row.errorCode() == null ? null : new Error(row.errorCode(), row.errorMessage());
        return new IndexRow(row.id(), s.name(), row.channel(), row.status(), profile.word(row.status()), s.office(),
                row.phoneNumbers(), s.contactList(), s.operatedBy(), s.tags(), row.createdAt(), row.updatedAt(),
                row.launchedAt(), s.startAt(), s.endAt(), row.launchAt(), f.callersLoggedIn(),
                f.dialsRemaining(row.channel()), new Recipients(f.contactsMessaged(), f.contactsTotal()),
                f.clickThroughRate(), f.costMicros(), warned ? row.autoArchiveAt() : null,
                warned ? daysLeft(clock.instant(), row.autoArchiveAt()) : null, row.archiveReason(),
                row.suspendedReason(), error, row.statusReason(), row.clonedFrom(), row.version());
    }

    static long daysLeft(Instant now, Instant archiveAt) {
        long millis = Duration.between(now, archiveAt).toMillis();
        return millis <= 0 ? 0 : (millis + DAY_MILLIS - 1) / DAY_MILLIS;
    }
}
