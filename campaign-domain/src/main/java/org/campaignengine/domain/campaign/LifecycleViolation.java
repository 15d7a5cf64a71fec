package org.campaignengine.domain.campaign;

import java.util.List;

/** An action, or an edit of a field, that the campaign's current status does not allow: a conflict. */
public final class LifecycleViolation extends CampaignRuleViolation {

    private final CampaignStatus currentStatus;
    private final List<String> allowedActions;
    private final String field;

    public LifecycleViolation(String message, CampaignStatus currentStatus, List<String> allowedActions,
                              String field) {
        super("LIFECYCLE_CONFLICT", message);
        this.currentStatus = currentStatus;
        this.allowedActions = List.copyOf(allowedActions);
        this.field = field;
    }

    static LifecycleViolation notAllowed(Transition transition, CampaignStatus status, Channel channel) {
        String what = transition.action().map(a -> "'" + a + "'").orElse(transition.name());
        return new LifecycleViolation(what + " is not allowed while the campaign is " + status,
                status, Transition.allowedActions(status, channel), null);
    }

    static LifecycleViolation notForChannel(Transition transition, CampaignStatus status, Channel channel) {
        String what = transition.action().orElse(transition.name());
        String hint = transition == Transition.RESTART ? "; create a new campaign instead" : "";
        return new LifecycleViolation("'" + what + "' is not available for " + channel + " campaigns" + hint,
                status, Transition.allowedActions(status, channel), null);
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
