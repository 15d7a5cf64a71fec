package org.campaignengine.domain.campaign;

import java.util.EnumSet;
import java.util.Set;

/** The canonical statuses of the lifecycle rules' statuses; each product's own word is a read-side concern. */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    LAUNCHING,
    REJECTED,
    ACTIVE,
    PAUSED,
    SUSPENDED,
    STOPPED,
    ERRORED,
    COMPLETED,
    ARCHIVED,
    DELETED;

    private static final Set<CampaignStatus> RUNNING = EnumSet.of(ACTIVE, PAUSED, SUSPENDED);
    private static final Set<CampaignStatus> LAUNCHED =
            EnumSet.of(ACTIVE, PAUSED, SUSPENDED, STOPPED, ERRORED, COMPLETED, ARCHIVED);

    /** Active, paused or suspended: archiving it stops it first, the end date completes it. */
    public boolean isRunning() {
        return RUNNING.contains(this);
    }

    /** Has been launched at some point, so it holds numbers and activity. */
    public boolean isLaunched() {
        return LAUNCHED.contains(this);
    }
}
