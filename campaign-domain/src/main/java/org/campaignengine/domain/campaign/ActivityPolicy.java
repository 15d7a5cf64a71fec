package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.ActivityType.Direction.*;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.campaignengine.domain.campaign.ActivityType.Direction;

/** The activity table of LIFECYCLE.md §7: which directions each status accepts, and open hours. */
public final class ActivityPolicy {

    private static final Map<CampaignStatus, Set<Direction>> ACCEPTS = new EnumMap<>(CampaignStatus.class);

    static {
        for (CampaignStatus status : CampaignStatus.values()) {
            ACCEPTS.put(status, EnumSet.noneOf(Direction.class));
        }
        ACCEPTS.put(CampaignStatus.ACTIVE, EnumSet.of(OUTBOUND, INBOUND, RECEIPT));
        for (CampaignStatus status : EnumSet.of(CampaignStatus.PAUSED, CampaignStatus.SUSPENDED,
                CampaignStatus.STOPPED, CampaignStatus.ERRORED, CampaignStatus.COMPLETED)) {
            ACCEPTS.put(status, EnumSet.of(INBOUND, RECEIPT));
        }
        ACCEPTS.put(CampaignStatus.ARCHIVED, EnumSet.of(RECEIPT));
    }

    private ActivityPolicy() {
    }

    public static Set<Direction> accepted(CampaignStatus status) {
        return ACCEPTS.get(status);
    }

    /** Why the record is refused in this status, or empty when it is accepted. */
    static Optional<String> refusal(CampaignStatus status, CampaignSettings settings, ActivityRecord record) {
        Direction direction = record.type().direction();
        if (!ACCEPTS.get(status).contains(direction)) {
            return Optional.of(reason(status, direction));
        }
        if (direction == OUTBOUND && record.type() != ActivityType.CALLER_LOGGED_IN
                && !withinOpenHours(settings, record)) {
            return Optional.of("outside the campaign's open hours (" + settings.openHours().from() + "-"
                    + settings.openHours().to() + " " + settings.timeZone() + ")");
        }
        return Optional.empty();
    }

    private static boolean withinOpenHours(CampaignSettings settings, ActivityRecord record) {
        if (settings.openHours() == null || settings.timeZone() == null) {
            return true;
        }
        var local = record.at().atZone(ZoneId.of(settings.timeZone())).toLocalTime();
        return settings.openHours().contains(local);
    }

    private static String reason(CampaignStatus status, Direction direction) {
        if (!status.isLaunched()) {
            return "the campaign is " + status + ": it records no activity before it is launched";
        }
        if (status == CampaignStatus.ARCHIVED) {
            return "the campaign is ARCHIVED: it sends and receives nothing; only receipts for earlier sends count";
        }
        return "the campaign is " + status + ": no " + direction.name().toLowerCase() + " activity";
    }
}
