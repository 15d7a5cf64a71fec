package org.campaignengine.domain.campaign;

import java.util.function.Predicate;

/** A condition a row of the transition table adds to its statuses, with the refusal that explains it. */
enum Guard {
    NONE(s -> true, null),
    OUTSIDE_LOCK_WINDOW(s -> !s.insideLockWindow(),
            "a scheduled campaign cannot be edited or cancelled within the lock window before its launch"),
    AFTER_A_LAUNCH(Situation::everLaunched,
            "this campaign was stopped before it ever launched: it holds no phone numbers and has nothing to "
                    + "restart; clone it and schedule or launch the copy");

    private final Predicate<Situation> holds;
    private final String refusal;

    Guard(Predicate<Situation> holds, String refusal) {
        this.holds = holds;
        this.refusal = refusal;
    }

    boolean holds(Situation situation) {
        return holds.test(situation);
    }

    String refusal() {
        return refusal;
    }
}
