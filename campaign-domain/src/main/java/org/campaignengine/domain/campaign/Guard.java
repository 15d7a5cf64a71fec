package org.campaignengine.domain.campaign;

import java.util.function.Predicate;

/**
 * A condition a row of the transition table adds to its statuses, with the refusal that explains it,
 * and whether a page greys the action out while it does not hold.
 */
enum Guard {
    NONE(s -> true, true, null),
    OUTSIDE_LOCK_WINDOW(s -> !s.insideLockWindow(), true,
            "a scheduled campaign cannot be edited or cancelled within the lock window before its launch"),
    AFTER_A_LAUNCH(Situation::everLaunched, true,
            "this campaign was stopped before it ever launched: it holds no phone numbers and has nothing to "
                    + "restart; clone it and schedule or launch the copy"),
    /**
     * §5: refused with the settings it lacks; a page still offers the action and shows {@code launchable}
     * and {@code missing} instead.
     */
    LAUNCH_READY(s -> s.missing().isEmpty(), false, null) {
        @Override
        CampaignRuleViolation refusal(Action action, Situation situation) {
            return new NotReadyForLaunch(situation.missing());
        }
    };

    private final Predicate<Situation> holds;
    private final boolean greysOut;
    private final String refusal;

    Guard(Predicate<Situation> holds, boolean greysOut, String refusal) {
        this.holds = holds;
        this.greysOut = greysOut;
        this.refusal = refusal;
    }

    boolean holds(Situation situation) {
        return holds.test(situation);
    }

    /** Whether a page offers the action: the guard holds, or it is one a page explains rather than hides. */
    boolean offers(Situation situation) {
        return !greysOut || holds(situation);
    }

    CampaignRuleViolation refusal(Action action, Situation situation) {
        return LifecycleViolation.guarded(action, refusal, situation);
    }
}
