package org.campaignengine.domain.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignDeadlines.EndDateDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.InactivityCheckDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.ScheduledLaunchDue;
import org.campaignengine.domain.campaign.CampaignEvent.*;

/**
 * A campaign from draft to archive. Command handlers check the rules and apply events; event
 * sourcing handlers only assign. Whether a status permits a command is always {@link Transition}'s answer.
 */
@Aggregate
public class Campaign {

    static final int MAX_REASON = 500;

    @AggregateIdentifier
    private String id;
    private Channel channel;
    private CampaignStatus status;
    private CampaignSettings settings;
    private Instant createdAt;
    private Instant launchAt;
    private String launchId;
    private List<PhoneNumber> phoneNumbers = List.of();
    private String useCaseId;
    private String suspendedReason;
    private Instant lastActivityAt;
    private boolean autoArchiveWarned;
    private boolean everLaunched;
    private final ActivityLedger ledger = new ActivityLedger();

    protected Campaign() {
    }

    private Campaign(Created created) {
        apply(created);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CommandOutcome handle(CreateCampaign cmd) {
        if (cmd.channel() == null) {
            throw InvalidCampaignInput.of("channel", "is required: SMS or VOICE");
        }
        SettingsValidator.require(cmd.settings(), EnumSet.allOf(SettingField.class));
        apply(new Created(cmd.campaignId(), cmd.channel(), cmd.settings(), null));
        return outcome();
    }

    /** A caller limited to some offices reaches only campaigns of those offices (API.md, Accounts and roles). */
    @CommandHandlerInterceptor
    Object withinCallerOffices(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (id != null && !CallerOffices.permit(command.getMetaData(), settings.office())) {
            throw new CampaignOutOfScope(id);
        }
        return chain.proceed();
    }

    @CommandHandler
    CommandOutcome handle(UpdateSettings cmd, Clock clock, TimeRules rules, DeadlineManager deadlines) {
        Instant now = clock.instant();
        if (cmd.fields().isEmpty() && cmd.launchAt() == null) {
            throw InvalidCampaignInput.of("settings", "no settings field was given");
        }
        boolean locked = status == CampaignStatus.SCHEDULED && rules.insideLockWindow(launchAt, now);
        EditPolicy.require(cmd.fields(), status, channel, locked);
        if (cmd.launchAt() != null && !EditPolicy.launchTimeMovable(status, locked)) {
            throw new LifecycleViolation("'launchAt' may only move while the campaign is SCHEDULED, outside the "
                    + "lock window", status, Transition.allowedActions(status, channel, locked), "launchAt");
        }
        SettingsValidator.require(cmd.values(), cmd.fields());
        CampaignSettings.Builder merged = settings.toBuilder();
        cmd.fields().forEach(field -> field.copy(merged, cmd.values()));
        CampaignSettings next = merged.build();
        List<String> changed = cmd.fields().stream().filter(f -> f.differs(settings, next))
                .map(SettingField::apiName).toList();
        Instant movedLaunch = cmd.launchAt() != null && !cmd.launchAt().equals(launchAt) ? cmd.launchAt() : null;
        if (changed.isEmpty() && movedLaunch == null) {
            return outcome();
        }
        if (status == CampaignStatus.SCHEDULED) {
            LaunchReadiness.require(channel, next, now);
            requireLaunchTime(movedLaunch == null ? launchAt : movedLaunch, next, now, rules);
        }
        boolean endMoved = changed.contains(SettingField.END_AT.apiName()) && status.isRunning();
        if (endMoved && (next.endAt() == null || !next.endAt().isAfter(now))) {
            throw InvalidCampaignInput.of("endAt", "must be in the future while the campaign runs");
        }
        apply(new SettingsUpdated(id, next, changed, movedLaunch, status == CampaignStatus.REJECTED));
        if (movedLaunch != null) {
            deadlines.schedule(movedLaunch, CampaignDeadlines.SCHEDULED_LAUNCH, new ScheduledLaunchDue(movedLaunch));
        }
        if (endMoved) {
            deadlines.schedule(next.endAt(), CampaignDeadlines.END_DATE, new EndDateDue(next.endAt()));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ScheduleCampaign cmd, Clock clock, TimeRules rules, DeadlineManager deadlines) {
        Transition.SCHEDULE.require(status, channel);
        Instant now = clock.instant();
        LaunchReadiness.require(channel, settings, now);
        requireLaunchTime(cmd.launchAt(), settings, now, rules);
        apply(new Scheduled(id, cmd.launchAt()));
        deadlines.schedule(cmd.launchAt(), CampaignDeadlines.SCHEDULED_LAUNCH, new ScheduledLaunchDue(cmd.launchAt()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(UnscheduleCampaign cmd, Clock clock, TimeRules rules) {
        Transition.UNSCHEDULE.require(status, channel);
        if (rules.insideLockWindow(launchAt, clock.instant())) {
            throw new LifecycleViolation("A scheduled campaign cannot be cancelled within " + rules.lockWindow()
                    + " of its launch at " + launchAt, status, Transition.allowedActions(status, channel, true), null);
        }
        apply(new Unscheduled(id, launchAt));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(LaunchCampaign cmd, Clock clock) {
        Transition.LAUNCH.require(status, channel);
        LaunchReadiness.require(channel, settings, clock.instant());
        apply(new LaunchRequested(id, UUID.randomUUID().toString(), channel, settings, null));
        return outcome();
    }

    @DeadlineHandler(deadlineName = CampaignDeadlines.SCHEDULED_LAUNCH)
    void on(ScheduledLaunchDue due, Clock clock, TimeRules rules) {
        if (status != CampaignStatus.SCHEDULED || !due.launchAt().equals(launchAt)) {
            return;
        }
        Instant now = clock.instant();
        List<String> missing = LaunchReadiness.missing(channel, settings, now);
        if (rules.launchMissed(launchAt, now)) {
            apply(new LaunchFailed(id, null, "missed its launch time " + launchAt
                    + " (the engine was unavailable); schedule it again"));
        } else if (!missing.isEmpty()) {
            apply(new LaunchFailed(id, null, "not ready at its launch time; missing: " + String.join(", ", missing)));
        } else {
            apply(new LaunchRequested(id, UUID.randomUUID().toString(), channel, settings, launchAt));
        }
    }

    @CommandHandler
    CommandOutcome handle(ConfirmLaunch cmd, Clock clock, TimeRules rules, DeadlineManager deadlines) {
        if (!launchPending(Transition.CONFIRM_LAUNCH, cmd.launchId())) {
            return outcome();
        }
        Instant now = clock.instant();
        apply(new Launched(id, launchId, cmd.phoneNumbers(), settings.useCaseId()));
        deadlines.schedule(settings.endAt(), CampaignDeadlines.END_DATE, new EndDateDue(settings.endAt()));
        Instant warnAt = rules.autoArchiveWarningAt(now);
        deadlines.schedule(warnAt, CampaignDeadlines.INACTIVITY, new InactivityCheckDue(warnAt));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(FailLaunch cmd) {
        if (launchPending(Transition.FAIL_LAUNCH, cmd.launchId())) {
            apply(new LaunchFailed(id, launchId, cmd.reason()));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RejectLaunch cmd) {
        if (launchPending(Transition.REJECT_LAUNCH, cmd.launchId())) {
            apply(new Rejected(id, launchId, cmd.reason()));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(PauseCampaign cmd) {
        Transition.PAUSE.require(status, channel);
        apply(new Paused(id));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ResumeCampaign cmd) {
        Transition.RESUME.require(status, channel);
        apply(new Resumed(id, status == CampaignStatus.SUSPENDED ? suspendedReason : null));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(SuspendCampaign cmd) {
        Transition.SUSPEND.require(status, channel);
        apply(new Suspended(id, requireText("reason", cmd.reason())));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(StopCampaign cmd) {
        Transition.STOP.require(status, channel);
        apply(new Stopped(id, channel));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RestartCampaign cmd, DeadlineManager deadlines) {
        Transition.RESTART.require(status, channel);
        if (!everLaunched) {
            throw new LifecycleViolation("This campaign was stopped before it ever launched: it holds no phone "
                    + "numbers and has nothing to restart; clone it and schedule or launch the copy", status,
                    Transition.allowedActions(status, channel, false, false), null);
        }
        apply(new Restarted(id));
        deadlines.schedule(settings.endAt(), CampaignDeadlines.END_DATE, new EndDateDue(settings.endAt()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(CompleteCampaign cmd) {
        Transition.COMPLETE.require(status, channel);
        apply(new Completed(id, false));
        return outcome();
    }

    @DeadlineHandler(deadlineName = CampaignDeadlines.END_DATE)
    void on(EndDateDue due, Clock clock) {
        boolean current = settings.endAt() != null && settings.endAt().equals(due.endAt());
        if (current && Transition.COMPLETE.permits(status, channel) && !clock.instant().isBefore(due.endAt())) {
            apply(new Completed(id, true));
        }
    }

    @CommandHandler
    CommandOutcome handle(MarkCampaignErrored cmd) {
        Transition.MARK_ERRORED.require(status, channel);
        apply(new Errored(id, requireText("code", cmd.code()), requireText("message", cmd.message())));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ArchiveCampaign cmd) {
        Transition.ARCHIVE.require(status, channel);
        archive(ArchiveReason.MANUAL);
        return outcome();
    }

    @DeadlineHandler(deadlineName = CampaignDeadlines.INACTIVITY)
    void on(InactivityCheckDue due, Clock clock, TimeRules rules, DeadlineManager deadlines) {
        if (!Transition.WARN_AUTO_ARCHIVE.permits(status, channel)) {
            return;
        }
        Instant now = clock.instant();
        Instant warnAt = rules.autoArchiveWarningAt(lastActivityAt);
        Instant archiveAt = rules.autoArchiveAt(lastActivityAt);
        if (now.isBefore(warnAt)) {
            deadlines.schedule(warnAt, CampaignDeadlines.INACTIVITY, new InactivityCheckDue(warnAt));
        } else if (now.isBefore(archiveAt)) {
            if (!autoArchiveWarned) {
                apply(new AutoArchiveWarned(id, archiveAt));
            }
            deadlines.schedule(archiveAt, CampaignDeadlines.INACTIVITY, new InactivityCheckDue(archiveAt));
        } else if (Transition.ARCHIVE.permits(status, channel)) {
            archive(ArchiveReason.AUTO_INACTIVITY);
        }
    }

    @CommandHandler
    CommandOutcome handle(CloneCampaign cmd) throws Exception {
        Transition.CLONE.require(status, channel);
        String name = cmd.name() == null || cmd.name().isBlank() ? cloneName(settings.name()) : cmd.name();
        CampaignSettings copy = settings.toBuilder().name(name).build();
        SettingsValidator.require(copy, EnumSet.of(SettingField.NAME));
        apply(new Cloned(id, cmd.cloneId()));
        createNew(Campaign.class, () -> new Campaign(new Created(cmd.cloneId(), channel, copy, id)));
        return new CommandOutcome(cmd.cloneId(), CampaignStatus.DRAFT, 0);
    }

    @CommandHandler
    CommandOutcome handle(DeleteCampaign cmd) {
        Transition.DELETE.require(status, channel);
        apply(new Deleted(id));
        return outcome();
    }

    @CommandHandler
    ActivityOutcome handle(RecordActivity cmd) {
        ActivityLedger.Assessment assessment = ledger.assess(cmd.records(), status, settings);
        if (!assessment.accepted().isEmpty()) {
            apply(new ActivityRecorded(id, assessment.accepted()));
        }
        return new ActivityOutcome(assessment.accepted().size(), assessment.duplicates(), assessment.rejected(),
                status, getVersion());
    }

    private void archive(ArchiveReason reason) {
        if (status.isRunning()) {
            apply(new Stopped(id, channel));
        }
        List<PhoneNumber> released = phoneNumbers.stream().filter(PhoneNumber::singleUse).toList();
        apply(new Archived(id, reason, released, useCaseId));
    }

    /**
     * Launch outcomes come from the engine's own launch process, which may deliver one twice: an
     * outcome for a launch that is no longer pending has already been applied and changes nothing.
     */
    private boolean launchPending(Transition outcome, String reportedLaunchId) {
        return outcome.permits(status, channel) && launchId.equals(reportedLaunchId);
    }

    private void requireLaunchTime(Instant at, CampaignSettings s, Instant now, TimeRules rules) {
        if (at == null) {
            throw InvalidCampaignInput.of("launchAt", "is required");
        }
        Instant earliest = rules.earliestLaunch(createdAt);
        if (at.isBefore(earliest)) {
            throw InvalidCampaignInput.of("launchAt", "must be at least " + rules.minLeadTime()
                    + " after the campaign was created, so not before " + earliest);
        }
        if (!at.isAfter(now)) {
            throw InvalidCampaignInput.of("launchAt", "must be in the future");
        }
        if (s.endAt() != null && !at.isBefore(s.endAt())) {
            throw InvalidCampaignInput.of("launchAt", "must be before the campaign's end " + s.endAt());
        }
    }

    private static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidCampaignInput.of(field, "is required");
        }
        if (value.length() > MAX_REASON) {
            throw InvalidCampaignInput.of(field, "must be at most " + MAX_REASON + " characters");
        }
        return value;
    }

    private static String cloneName(String name) {
        String copy = "Copy of " + name;
        return copy.length() > SettingsValidator.MAX_NAME ? copy.substring(0, SettingsValidator.MAX_NAME) : copy;
    }

    private CommandOutcome outcome() {
        return new CommandOutcome(id, status, getVersion());
    }

    @EventSourcingHandler
    void on(Created e, @Timestamp Instant at) {
        id = e.campaignId();
        channel = e.channel();
        settings = e.settings();
        status = CampaignStatus.DRAFT;
        createdAt = at;
    }

    @EventSourcingHandler
    void on(SettingsUpdated e) {
        settings = e.settings();
        launchAt = e.launchAt() != null ? e.launchAt() : launchAt;
        status = e.returnedToDraft() ? CampaignStatus.DRAFT : status;
    }

    @EventSourcingHandler
    void on(Scheduled e) {
        status = Transition.SCHEDULE.target(status);
        launchAt = e.launchAt();
    }

    @EventSourcingHandler
    void on(Unscheduled e) {
        status = Transition.UNSCHEDULE.target(status);
        launchAt = null;
    }

    @EventSourcingHandler
    void on(LaunchRequested e) {
        status = Transition.LAUNCH.target(status);
        launchId = e.launchId();
    }

    @EventSourcingHandler
    void on(Launched e, @Timestamp Instant at) {
        status = Transition.CONFIRM_LAUNCH.target(status);
        everLaunched = true;
        phoneNumbers = List.copyOf(e.phoneNumbers());
        useCaseId = e.useCaseId();
        markActivity(at);
    }

    @EventSourcingHandler
    void on(LaunchFailed e) {
        status = Transition.FAIL_LAUNCH.target(status);
        launchAt = null;
    }

    @EventSourcingHandler
    void on(Rejected e) {
        status = Transition.REJECT_LAUNCH.target(status);
    }

    @EventSourcingHandler
    void on(Paused e) {
        status = Transition.PAUSE.target(status);
    }

    @EventSourcingHandler
    void on(Resumed e, @Timestamp Instant at) {
        status = Transition.RESUME.target(status);
        suspendedReason = null;
        markActivity(at);
    }

    @EventSourcingHandler
    void on(Suspended e) {
        status = Transition.SUSPEND.target(status);
        suspendedReason = e.reason();
    }

    @EventSourcingHandler
    void on(Stopped e) {
        status = Transition.STOP.target(status);
    }

    @EventSourcingHandler
    void on(Restarted e, @Timestamp Instant at) {
        status = Transition.RESTART.target(status);
        markActivity(at);
    }

    @EventSourcingHandler
    void on(Completed e) {
        status = Transition.COMPLETE.target(status);
    }

    @EventSourcingHandler
    void on(Errored e) {
        status = Transition.MARK_ERRORED.target(status);
    }

    @EventSourcingHandler
    void on(Archived e) {
        status = Transition.ARCHIVE.target(status);
        phoneNumbers = phoneNumbers.stream().filter(p -> !p.singleUse()).toList();
    }

    @EventSourcingHandler
    void on(AutoArchiveWarned e) {
        autoArchiveWarned = true;
    }

    @EventSourcingHandler
    void on(Deleted e) {
        status = Transition.DELETE.target(status);
    }

    @EventSourcingHandler
    void on(ActivityRecorded e, @Timestamp Instant at) {
        ledger.record(e.records());
        if (e.records().stream().anyMatch(r -> r.type().resetsInactivity())) {
            markActivity(at);
        }
    }

    private void markActivity(Instant at) {
        lastActivityAt = at;
        autoArchiveWarned = false;
    }
}
