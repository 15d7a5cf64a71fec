package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.ActivityType.Direction.*;

import java.time.ZoneId;
import java.util.Optional;

import org.campaignengine.domain.campaign.ActivityType.Direction;

/**
 * The activity rules of the lifecycle rules' activity rules: which directions a status accepts is the transition table's
 * answer (its RECORD_* rows); outbound activity must also fall inside the campaign's open hours.
 */
public final class ActivityPolicy {

    private ActivityPolicy() {
    }

    /** The action a record of this direction takes, as the transition table names it. */
    public static Action actionOf(Direction direction) {
        return switch (direction) {
            case OUTBOUND -> Action.RECORD_OUTBOUND;
            case INBOUND -> Action.RECORD_INBOUND;
            case RECEIPT -> Action.RECORD_RECEIPT;
        };
    }

    /** Why the record is refused in this situation, or empty when it is accepted. */
    static Optional<String> refusal(Situation situation, CampaignSettings settings, ActivityRecord record) {
        Direction direction = record.type().direction();
        if (!Transition.permits(actionOf(direction), situation)) {
            return Optional.of(reason(situation, direction));
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

    /** In the table's words: before a launch nothing counts; where only receipts count, it says so. */
    private static String reason(Situation situation, Direction direction) {
        CampaignStatus status = situation.status();
        if (!Transition.launched(status)) {
            return "the campaign is " + status + ": it records no activity before it is launched";
        }
        if (!Transition.permits(Action.RECORD_INBOUND, situation)
                && Transition.permits(Action.RECORD_RECEIPT, situation)) {
            return "the campaign is " + status + ": it sends and receives nothing; only receipts for earlier sends count";
        }
        return "the campaign is " + status + ": no " + direction.name().toLowerCase() + " activity";
    }
}
