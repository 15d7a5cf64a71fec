package org.campaignengine.domain.campaign;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can happen to a campaign. Client actions have the name the API uses ({@code allowedActions});
 * the rest are taken by the engine itself (launch outcomes, timers) or report activity.
 */
public enum Action {
    CREATE("create"),
    UPDATE("update"),
    SCHEDULE("schedule"),
    UNSCHEDULE("unschedule"),
    LAUNCH("launch"),
    PAUSE("pause"),
    RESUME("resume"),
    SUSPEND("suspend"),
    STOP("stop"),
    RESTART("restart"),
    COMPLETE("complete"),
    MARK_ERRORED("error"),
    ARCHIVE("archive"),
    CLONE("clone"),
    DELETE("delete"),
    TAG("tag"),
    LAUNCH_AT_SCHEDULED_TIME(null),
    MISS_SCHEDULED_LAUNCH(null),
    CONFIRM_LAUNCH(null),
    FAIL_LAUNCH(null),
    REJECT_LAUNCH(null),
    WARN_AUTO_ARCHIVE(null),
    RECORD_OUTBOUND(null),
    RECORD_INBOUND(null),
    RECORD_RECEIPT(null);

    private final String apiName;

    Action(String apiName) {
        this.apiName = apiName;
    }

    /** The name clients use, or empty for an action only the engine or an activity report takes. */
    public Optional<String> apiName() {
        return Optional.ofNullable(apiName);
    }

    /** How a refusal names the action: its API name, else its constant. */
    String label() {
        return "'" + (apiName == null ? name() : apiName) + "'";
    }

    public static Optional<Action> byApiName(String name) {
        return Arrays.stream(values()).filter(a -> name.equals(a.apiName)).findFirst();
    }
}
