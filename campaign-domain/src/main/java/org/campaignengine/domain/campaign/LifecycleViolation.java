package org.campaignengine.domain.campaign;

import java.util.List;

/**
 * An action, or an edit of a field, that the campaign's situation does not allow: a conflict. It
 * carries the actions that are allowed, from the same table and situation {@code GET} answers from.
 */
public final class LifecycleViolation extends CampaignRuleViolation {

    private final CampaignStatus currentStatus;
    private final List<String> allowedActions;
    private final String field;

    private LifecycleViolation(String message, Situation situation, String field) {
        super("LIFECYCLE_CONFLICT", message);
        this.currentStatus = situation.status();
        this.allowedActions = Transition.allowedActions(situation);
        this.field = field;
    }

    static LifecycleViolation notAllowed(Action action, Situation s) {
        return new LifecycleViolation(action.label() + " is not allowed while the campaign is " + s.status(), s,
                null);
    }

    static LifecycleViolation notForChannel(Action action, Situation s) {
        String hint = action == Action.RESTART ? "; create a new campaign instead" : "";
        return new LifecycleViolation(action.label() + " is not available for " + s.channel() + " campaigns" + hint,
                s, null);
    }

    static LifecycleViolation guarded(Action action, String why, Situation s) {
        return new LifecycleViolation(action.label() + " is not allowed: " + why, s, null);
    }

    static LifecycleViolation notEditable(String field, Situation s) {
        String when = s.insideLockWindow() ? " within the lock window before its launch" : "";
        return new LifecycleViolation("'" + field + "' may not be edited while the campaign is " + s.status() + when,
                s, field);
    }

    public CampaignStatus currentStatus() {
        return currentStatus;
    }

    public List<String> allowedActions() {
        return allowedActions;
    }

    /** The settings field that may not be edited, or null when the whole action is refused. */
    public String field() {
        return field;
    }
}
