package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every allowed transition of LIFECYCLE.md §2, in one place. Command handlers ask
 * {@link #require}, the read side asks {@link #allowedActions}; nothing else decides
 * whether a status permits an action.
 *
 * <p>Rows without an action name are taken by the engine itself (launch outcomes, timers).
 * A {@code null} target leaves the status unchanged.
 */
public enum Transition {
    UPDATE_SETTINGS("update", null, Channels.ANY, DRAFT, REJECTED, SCHEDULED, ACTIVE, PAUSED),
    SCHEDULE("schedule", SCHEDULED, Channels.ANY, DRAFT),
    UNSCHEDULE("unschedule", DRAFT, Channels.ANY, SCHEDULED),
    LAUNCH("launch", LAUNCHING, Channels.ANY, DRAFT),
    LAUNCH_AT_SCHEDULED_TIME(null, LAUNCHING, Channels.ANY, SCHEDULED),
    CONFIRM_LAUNCH(null, ACTIVE, Channels.ANY, LAUNCHING),
    FAIL_LAUNCH(null, DRAFT, Channels.ANY, LAUNCHING),
    REJECT_LAUNCH(null, REJECTED, Channels.ANY, LAUNCHING),
    PAUSE("pause", PAUSED, Channels.ANY, ACTIVE),
    RESUME("resume", ACTIVE, Channels.ANY, PAUSED, SUSPENDED),
    SUSPEND("suspend", SUSPENDED, Channels.ANY, ACTIVE),
    STOP("stop", STOPPED, Channels.ANY, SCHEDULED, ACTIVE, PAUSED, SUSPENDED),
    RESTART("restart", ACTIVE, Channels.SMS_ONLY, STOPPED),
    COMPLETE("complete", COMPLETED, Channels.ANY, ACTIVE, PAUSED, SUSPENDED),
    MARK_ERRORED("error", ERRORED, Channels.VOICE_ONLY, ACTIVE),
    ARCHIVE("archive", ARCHIVED, Channels.ANY, DRAFT, STOPPED, ERRORED, COMPLETED, REJECTED, ACTIVE, PAUSED,
            SUSPENDED),
    WARN_AUTO_ARCHIVE(null, null, Channels.ANY, ACTIVE, PAUSED, SUSPENDED, STOPPED, ERRORED, COMPLETED),
    CLONE("clone", null, Channels.ANY, DRAFT, SCHEDULED, LAUNCHING, REJECTED, ACTIVE, PAUSED, SUSPENDED, STOPPED,
            ERRORED, COMPLETED, ARCHIVED),
    DELETE("delete", DELETED, Channels.ANY, DRAFT);

    private final String action;
    private final CampaignStatus target;
    private final Set<Channel> channels;
    private final Set<CampaignStatus> from;

    Transition(String action, CampaignStatus target, Set<Channel> channels, CampaignStatus... from) {
        this.action = action;
        this.target = target;
        this.channels = channels;
        this.from = Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(from)));
    }

    /** The name clients use for this action, or empty for a transition only the engine takes. */
    public Optional<String> action() {
        return Optional.ofNullable(action);
    }

    /** The status after the transition, given the status before it (unchanged where the row says so). */
    public CampaignStatus target(CampaignStatus current) {
        return target == null ? current : target;
    }

    public Set<CampaignStatus> from() {
        return from;
    }

    public boolean permits(CampaignStatus status, Channel channel) {
        return from.contains(status) && channels.contains(channel);
    }

    /** Refuses, with the current status and what is allowed in it, unless the table has this row. */
    public void require(CampaignStatus status, Channel channel) {
        if (!from.contains(status)) {
            throw LifecycleViolation.notAllowed(this, status, channel);
        }
        if (!channels.contains(channel)) {
            throw LifecycleViolation.notForChannel(this, status, channel);
        }
    }

    /** The client actions the table allows in a status, in table order. */
    public static List<String> allowedActions(CampaignStatus status, Channel channel) {
        return allowedActions(status, channel, false);
    }

    /**
     * As {@link #allowedActions(CampaignStatus, Channel)}, less editing and unscheduling while a
     * scheduled launch is inside its lock window (LIFECYCLE.md §3).
     */
    public static List<String> allowedActions(CampaignStatus status, Channel channel, boolean insideLockWindow) {
        return Arrays.stream(values())
                .filter(t -> t.action != null && t.permits(status, channel))
                .filter(t -> !(insideLockWindow && t.lockedBeforeLaunch()))
                .map(t -> t.action)
                .toList();
    }

    /**
     * As above, for a campaign that may never have launched: one stopped while still SCHEDULED holds
     * no numbers and has no send schedule, so it cannot restart (it is cloned instead).
     */
    public static List<String> allowedActions(CampaignStatus status, Channel channel, boolean insideLockWindow,
                                              boolean everLaunched) {
        return allowedActions(status, channel, insideLockWindow).stream()
                .filter(action -> everLaunched || !action.equals(RESTART.action))
                .toList();
    }

    /** Editing and cancelling a scheduled campaign stop this close to its launch. */
    boolean lockedBeforeLaunch() {
        return this == UPDATE_SETTINGS || this == UNSCHEDULE;
    }

    public static Optional<Transition> byAction(String action) {
        return Arrays.stream(values()).filter(t -> action.equals(t.action)).findFirst();
    }

    private static final class Channels {
        static final Set<Channel> ANY = EnumSet.allOf(Channel.class);
        static final Set<Channel> SMS_ONLY = EnumSet.of(Channel.SMS);
        static final Set<Channel> VOICE_ONLY = EnumSet.of(Channel.VOICE);
    }
}
