package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every allowed transition of the lifecycle rules' transition table, the editing rows of §4 and the activity rows of §7, in
 * one place: each row is an action, the statuses and channels it starts from, a guard, and the status
 * it leads to ({@code null}: unchanged). The command handlers ({@link #decide}), the conflict answer
 * and {@code GET}'s {@code allowedActions} ({@link #allowedActions}) all ask this table, given the same
 * {@link Situation}; nothing else decides whether a status permits an action. Stored events are not
 * read through it: a row's target is what the action leads to now, and {@link EventMeaning} keeps what
 * each event meant when it was written.
 */
public enum Transition {
    CREATE(Action.CREATE, DRAFT, Channels.ANY, Guard.NONE, Edits.NONE),
    EDIT_DRAFT(Action.UPDATE, null, Channels.ANY, Guard.NONE, Edits.EVERYTHING, DRAFT),
    EDIT_REJECTED(Action.UPDATE, DRAFT, Channels.ANY, Guard.NONE, Edits.EVERYTHING, REJECTED),
    EDIT_SCHEDULED_SMS(Action.UPDATE, null, Channels.SMS, Guard.OUTSIDE_LOCK_WINDOW, Edits.SCHEDULED_SMS, SCHEDULED),
    EDIT_SCHEDULED_VOICE(Action.UPDATE, null, Channels.VOICE, Guard.OUTSIDE_LOCK_WINDOW, Edits.SCHEDULED_VOICE,
            SCHEDULED),
    EDIT_ACTIVE(Action.UPDATE, null, Channels.ANY, Guard.NONE, Edits.WHILE_ACTIVE, ACTIVE),
    EDIT_PAUSED(Action.UPDATE, null, Channels.ANY, Guard.NONE, Edits.WHILE_PAUSED, PAUSED),
    SCHEDULE(Action.SCHEDULE, SCHEDULED, Channels.ANY, Guard.LAUNCH_READY, Edits.NONE, DRAFT),
    UNSCHEDULE(Action.UNSCHEDULE, DRAFT, Channels.ANY, Guard.OUTSIDE_LOCK_WINDOW, Edits.NONE, SCHEDULED),
    LAUNCH(Action.LAUNCH, LAUNCHING, Channels.ANY, Guard.LAUNCH_READY, Edits.NONE, DRAFT),
    LAUNCH_AT_SCHEDULED_TIME(Action.LAUNCH_AT_SCHEDULED_TIME, LAUNCHING, Channels.ANY, Guard.NONE, Edits.NONE,
            SCHEDULED),
    /** Overdue past the grace (the engine was down), or not ready at its time: back to DRAFT with the reason. */
    MISS_SCHEDULED_LAUNCH(Action.MISS_SCHEDULED_LAUNCH, DRAFT, Channels.ANY, Guard.NONE, Edits.NONE, SCHEDULED),
    CONFIRM_LAUNCH(Action.CONFIRM_LAUNCH, ACTIVE, Channels.ANY, Guard.NONE, Edits.NONE, LAUNCHING),
    FAIL_LAUNCH(Action.FAIL_LAUNCH, DRAFT, Channels.ANY, Guard.NONE, Edits.NONE, LAUNCHING),
    REJECT_LAUNCH(Action.REJECT_LAUNCH, REJECTED, Channels.ANY, Guard.NONE, Edits.NONE, LAUNCHING),
    PAUSE(Action.PAUSE, PAUSED, Channels.ANY, Guard.NONE, Edits.NONE, ACTIVE),
    RESUME(Action.RESUME, ACTIVE, Channels.ANY, Guard.NONE, Edits.NONE, PAUSED, SUSPENDED),
    SUSPEND(Action.SUSPEND, SUSPENDED, Channels.ANY, Guard.NONE, Edits.NONE, ACTIVE),
    STOP(Action.STOP, STOPPED, Channels.ANY, Guard.NONE, Edits.NONE, SCHEDULED, ACTIVE, PAUSED, SUSPENDED),
    RESTART(Action.RESTART, ACTIVE, Channels.SMS, Guard.AFTER_A_LAUNCH, Edits.NONE, STOPPED),
    COMPLETE(Action.COMPLETE, COMPLETED, Channels.ANY, Guard.NONE, Edits.NONE, Statuses.RUNNING),
    MARK_ERRORED(Action.MARK_ERRORED, ERRORED, Channels.VOICE, Guard.NONE, Edits.NONE, ACTIVE),
    ARCHIVE(Action.ARCHIVE, ARCHIVED, Channels.ANY, Guard.NONE, Edits.NONE, DRAFT, STOPPED, ERRORED, COMPLETED,
            REJECTED),
    /** Archiving a running campaign stops it first, in the same command (Stopped, then Archived). */
    STOP_AND_ARCHIVE(Action.ARCHIVE, ARCHIVED, Channels.ANY, Guard.NONE, Edits.NONE, Statuses.RUNNING),
    WARN_AUTO_ARCHIVE(Action.WARN_AUTO_ARCHIVE, null, Channels.ANY, Guard.NONE, Edits.NONE,
            Statuses.LAUNCHED_UNARCHIVED),
    CLONE(Action.CLONE, null, Channels.ANY, Guard.NONE, Edits.NONE, DRAFT, SCHEDULED, LAUNCHING, REJECTED, ACTIVE,
            PAUSED, SUSPENDED, STOPPED, ERRORED, COMPLETED, ARCHIVED),
    DELETE(Action.DELETE, DELETED, Channels.ANY, Guard.NONE, Edits.NONE, DRAFT),
    /** Tags may change on any campaign that still exists, except inside a scheduled launch's lock window (§4). */
    TAG(Action.TAG, null, Channels.ANY, Guard.OUTSIDE_LOCK_WINDOW, Edits.TAGS_ONLY, DRAFT, SCHEDULED, LAUNCHING,
            REJECTED, ACTIVE, PAUSED, SUSPENDED, STOPPED, ERRORED, COMPLETED, ARCHIVED),
    RECORD_OUTBOUND(Action.RECORD_OUTBOUND, null, Channels.ANY, Guard.NONE, Edits.NONE, ACTIVE),
    RECORD_INBOUND(Action.RECORD_INBOUND, null, Channels.ANY, Guard.NONE, Edits.NONE, Statuses.LAUNCHED_UNARCHIVED),
    /** Receipts for earlier sends count even after archiving, so analytics stay true. */
    RECORD_RECEIPT(Action.RECORD_RECEIPT, null, Channels.ANY, Guard.NONE, Edits.NONE, Statuses.LAUNCHED);

    private final Action action;
    private final CampaignStatus target;
    private final Set<Channel> channels;
    private final Guard guard;
    private final Edits edits;
    private final Set<CampaignStatus> from;

    Transition(Action action, CampaignStatus target, Set<Channel> channels, Guard guard, Edits edits,
               CampaignStatus... from) {
        this(action, target, channels, guard, edits, from.length == 0 ? EnumSet.noneOf(CampaignStatus.class)
                : EnumSet.copyOf(Arrays.asList(from)));
    }

    Transition(Action action, CampaignStatus target, Set<Channel> channels, Guard guard, Edits edits,
               Set<CampaignStatus> from) {
        this.action = action;
        this.target = target;
        this.channels = channels;
        this.guard = guard;
        this.edits = edits;
        this.from = Collections.unmodifiableSet(from);
    }

    public Action action() {
        return action;
    }

    public Set<CampaignStatus> from() {
        return from;
    }

    /** The status after the transition, given the status before it (unchanged where the row says so). */
    public CampaignStatus target(CampaignStatus current) {
        return target == null ? current : target;
    }

    /** Whether the row leaves the campaign in another status than it found it in. */
    public boolean changesStatus(CampaignStatus current) {
        return target(current) != current;
    }

    public boolean stopsFirst() {
        return this == STOP_AND_ARCHIVE;
    }

    Edits edits() {
        return edits;
    }

    private boolean startsFrom(Situation s) {
        return from.contains(s.status()) && channels.contains(s.channel());
    }

    /** The row that lets the campaign take this action now, or empty. */
    public static Optional<Transition> find(Action action, Situation s) {
        return Arrays.stream(values())
                .filter(row -> row.action == action && row.startsFrom(s) && row.guard.holds(s))
                .findFirst();
    }

    public static boolean permits(Action action, Situation s) {
        return find(action, s).isPresent();
    }

    /** Whether the campaign may launch now: its status allows it and it is launch-ready (§5). */
    public static boolean launchable(Situation s) {
        return permits(Action.LAUNCH, s);
    }

    /** Active, paused or suspended: archiving it stops it first, the end date completes it. */
    public static boolean running(CampaignStatus status) {
        return Statuses.RUNNING.contains(status);
    }

    /** Waits for its launch time, so edits lock within the window before it (§4). */
    public static boolean awaitsLaunchAt(CampaignStatus status) {
        return Statuses.AWAITING_LAUNCH_AT.contains(status);
    }

    /** Has been launched at some point, so it holds numbers and activity. */
    public static boolean launched(CampaignStatus status) {
        return Statuses.LAUNCHED.contains(status);
    }

    /** The row for this action now; otherwise a conflict naming the status and what is allowed in it. */
    public static Transition decide(Action action, Situation s) {
        return find(action, s).orElseThrow(() -> refusal(action, s));
    }

    /**
     * The editing row that lets every one of these fields (and the launch time, if it moves) change
     * now; otherwise a conflict naming the first field that may not. Tags alone are a {@link Action#TAG}.
     */
    public static Transition decideEdit(Collection<SettingField> fields, boolean movesLaunch, Situation s) {
        boolean tagsOnly = !movesLaunch && fields.stream().allMatch(f -> f == SettingField.TAGS);
        Optional<Transition> row = find(tagsOnly ? Action.TAG : Action.UPDATE, s);
        for (SettingField field : fields) {
            if (row.isEmpty() || !row.get().edits.allows(field)) {
                throw LifecycleViolation.notEditable(field.apiName(), s);
            }
        }
        if (movesLaunch && (row.isEmpty() || !row.get().edits.launchTime())) {
            throw LifecycleViolation.notEditable("launchAt", s);
        }
        return row.orElseThrow(() -> refusal(Action.UPDATE, s));
    }

    /**
     * The settings an edit of one field may change now, in the order of {@link SettingField}, by their API
     * names, and {@code launchAt} last when the launch time may move: exactly what {@link #decideEdit} lets
     * through for each alone, so a client can offer these and no others. Tags alone are a {@link Action#TAG}.
     */
    public static List<String> editableFields(Situation s) {
        Optional<Transition> update = find(Action.UPDATE, s);
        boolean tagsAlone = find(Action.TAG, s).isPresent();
        List<String> fields = new ArrayList<>(Arrays.stream(SettingField.values())
                .filter(field -> field == SettingField.TAGS ? tagsAlone
                        : update.map(row -> row.edits.allows(field)).orElse(false))
                .map(SettingField::apiName)
                .toList());
        if (update.map(row -> row.edits.launchTime()).orElse(false)) {
            fields.add("launchAt");
        }
        return List.copyOf(fields);
    }

    /**
     * The client actions the table offers now, in the order of {@link Action}. A guard that does not
     * grey an action out (launch readiness: the page says what is missing instead) does not remove it.
     */
    public static List<String> allowedActions(Situation s) {
        return Arrays.stream(Action.values())
                .filter(action -> action.apiName().isPresent() && offers(action, s))
                .map(action -> action.apiName().orElseThrow())
                .toList();
    }

    private static boolean offers(Action action, Situation s) {
        return Arrays.stream(values()).anyMatch(row -> row.action == action && row.startsFrom(s)
                && row.guard.offers(s));
    }

    private static CampaignRuleViolation refusal(Action action, Situation s) {
        List<Transition> rows = Arrays.stream(values()).filter(r -> r.action == action).toList();
        Optional<Transition> guarded = rows.stream().filter(row -> row.startsFrom(s)).findFirst();
        if (guarded.isPresent()) {
            return guarded.get().guard.refusal(action, s);
        }
        if (rows.stream().anyMatch(r -> r.from.contains(s.status()))) {
            return LifecycleViolation.notForChannel(action, s);
        }
        return LifecycleViolation.notAllowed(action, s);
    }

    /** The groups of statuses the rows share, and that the rest of the engine asks about by name. */
    private static final class Statuses {
        static final Set<CampaignStatus> RUNNING = EnumSet.of(ACTIVE, PAUSED, SUSPENDED);
        static final Set<CampaignStatus> AWAITING_LAUNCH_AT = EnumSet.of(SCHEDULED);
        static final Set<CampaignStatus> LAUNCHED_UNARCHIVED = EnumSet.of(ACTIVE, PAUSED, SUSPENDED, STOPPED,
                ERRORED, COMPLETED);
        static final Set<CampaignStatus> LAUNCHED = EnumSet.of(ACTIVE, PAUSED, SUSPENDED, STOPPED, ERRORED,
                COMPLETED, ARCHIVED);
    }

    private static final class Channels {
        static final Set<Channel> ANY = EnumSet.allOf(Channel.class);
        static final Set<Channel> SMS = EnumSet.of(Channel.SMS);
        static final Set<Channel> VOICE = EnumSet.of(Channel.VOICE);
    }
}
