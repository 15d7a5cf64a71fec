package org.campaignengine.domain.campaign;

import java.time.Duration;
import java.time.Instant;

/** The durations of the lifecycle rules' time rules; the application binds them from {@code campaign.*} properties. */
public record TimeRules(
        Duration minLeadTime,
        Duration lockWindow,
        Duration autoArchiveAfter,
        Duration autoArchiveWarnBefore,
        Duration lateLaunchGrace) {

    public static TimeRules defaults() {
        return new TimeRules(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofDays(30), Duration.ofDays(7),
                Duration.ofMinutes(15));
    }

    /** Within the lock window a scheduled campaign can neither be edited nor cancelled. */
    public boolean insideLockWindow(Instant launchAt, Instant now) {
        return launchAt != null && !now.isBefore(launchAt.minus(lockWindow));
    }

    public Instant earliestLaunch(Instant createdAt) {
        return createdAt.plus(minLeadTime);
    }

    public Instant autoArchiveAt(Instant lastActivityAt) {
        return lastActivityAt.plus(autoArchiveAfter);
    }

    public Instant autoArchiveWarningAt(Instant lastActivityAt) {
        return autoArchiveAt(lastActivityAt).minus(autoArchiveWarnBefore);
    }

    /**
     * A launch time must leave the minimum lead time after creation, lie in the future, and come
     * before the campaign's end.
     */
    public void requireLaunchTime(Instant at, Instant createdAt, Instant endAt, Instant now) {
        if (at == null) {
            throw InvalidCampaignInput.of("launchAt", "is required");
        }
        Instant earliest = earliestLaunch(createdAt);
        if (at.isBefore(earliest)) {
            throw InvalidCampaignInput.of("launchAt", "must be at least " + minLeadTime
                    + " after the campaign was created, so not before " + earliest);
        }
        if (!at.isAfter(now)) {
            throw InvalidCampaignInput.of("launchAt", "must be in the future");
        }
        if (endAt != null && !at.isBefore(endAt)) {
            throw InvalidCampaignInput.of("launchAt", "must be before the campaign's end " + endAt);
        }
    }

    /** A scheduled launch found this late was missed (the engine was down) and is not launched silently. */
    public boolean launchMissed(Instant launchAt, Instant now) {
        return now.isAfter(launchAt.plus(lateLaunchGrace));
    }
}
