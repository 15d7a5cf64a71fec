package org.campaignengine.domain.campaign;

import java.time.Duration;
import java.time.Instant;

/** The durations of LIFECYCLE.md §3; the application binds them from {@code campaign.*} properties. */
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

    /** A scheduled launch found this late was missed (the engine was down) and is not launched silently. */
    public boolean launchMissed(Instant launchAt, Instant now) {
        return now.isAfter(launchAt.plus(lateLaunchGrace));
    }
}
