package org.campaignengine.domain.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignDeadlines.EndDateDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.InactivityCheckDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.ScheduledLaunchDue;
import org.campaignengine.domain.campaign.CampaignEvent.*;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

/**
 * A campaign from draft to archive: decisions only. Each handler asks {@link Transition} whether the
 * campaign's {@link Situation} allows the action, checks the action's own rules, and applies events;
 * the state is one value ({@link CampaignState}) that only events change. Time ({@link HandledAt}) and
 * ids arrive as inputs. Its fields are its snapshot (JSON); activity is not among them. The snapshot's
 * revision is the class's {@link Revision}: raise it whenever a field is added, removed or changes meaning,
 * and snapshots of any other revision are passed over (Axon's {@code RevisionSnapshotFilter}), the campaign
 * then being rebuilt from its events and snapshotted afresh.
 */
@Aggregate(repository = "campaignRepository", commandTargetResolver = "campaignTargets")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Campaign {

    @AggregateIdentifier
    private CampaignId id;
    private CampaignState state = CampaignState.NONE;

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
        apply(new Created(cmd.campaignId().value(), cmd.channel(), cmd.settings(), null));
        return outcome();
    }

    /** A caller limited to some offices reaches only campaigns of those offices (HTTP API, Accounts and roles). */
    @CommandHandlerInterceptor
    Object withinCallerOffices(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (id != null && !CallerOffices.permit(command.getMetaData(), state.settings().office())) {
            throw new CampaignOutOfScope(id.value());
        }
        return chain.proceed();
    }

    @CommandHandler
    CommandOutcome handle(UpdateSettings cmd, @HandledAt Instant now, TimeRules rules, DeadlineManager deadlines) {
        if (cmd.fields().isEmpty() && cmd.launchAt() == null) {
            throw InvalidCampaignInput.of("settings", "no settings field was given");
        }
        Transition row = Transition.decideEdit(cmd.fields(), cmd.launchAt() != null, state.situation(now, rules));
        SettingsEdit edit = SettingsEdit.of(cmd, row, state, now, rules);
        if (edit.changesNothing()) {
            return outcome();
        }
        apply(new SettingsUpdated(id.value(), edit.next(), edit.changed(), edit.movedLaunch(),
                row.changesStatus(state.status())));
        new CampaignTimers(deadlines).after(edit);
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ScheduleCampaign cmd, @HandledAt Instant now, TimeRules rules, DeadlineManager deadlines) {
        Transition.decide(Action.SCHEDULE, state.situation(now, rules));
        rules.requireLaunchTime(cmd.launchAt(), state.createdAt(), state.settings().endAt(), now);
        apply(new Scheduled(id.value(), cmd.launchAt()));
        new CampaignTimers(deadlines).scheduledLaunch(cmd.launchAt());
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(UnscheduleCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.UNSCHEDULE, state.situation(now, rules));
        apply(new Unscheduled(id.value(), state.launchAt()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(LaunchCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.LAUNCH, state.situation(now, rules));
        apply(new LaunchRequested(id.value(), LaunchId.next(id, getVersion()).value(), state.channel(),
                state.settings(), null));
        return outcome();
    }

    @DeadlineHandler(deadlineName = CampaignDeadlines.SCHEDULED_LAUNCH)
    void on(ScheduledLaunchDue due, @HandledAt Instant now, TimeRules rules) {
        Situation situation = state.situation(now, rules);
        if (!Transition.permits(Action.LAUNCH_AT_SCHEDULED_TIME, situation) || CampaignTimers.stale(due, state)) {
            return;
        }
        apply(CampaignTimers.launchDue(state, situation, now, rules, LaunchId.next(id, getVersion())));
    }

    @CommandHandler
    CommandOutcome handle(ConfirmLaunch cmd, @HandledAt Instant now, TimeRules rules, DeadlineManager deadlines) {
        if (launchPending(Action.CONFIRM_LAUNCH, cmd.launchId(), now, rules)) {
            apply(new Launched(id.value(), state.launchId().value(), cmd.phoneNumbers(),
                    state.settings().useCaseId()));
            CampaignTimers timers = new CampaignTimers(deadlines);
            timers.endDate(state.settings().endAt());
            timers.inactivityCheck(rules.autoArchiveWarningAt(now));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(FailLaunch cmd, @HandledAt Instant now, TimeRules rules) {
        if (launchPending(Action.FAIL_LAUNCH, cmd.launchId(), now, rules)) {
            apply(new LaunchFailed(id.value(), state.launchId().value(), cmd.reason()));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RejectLaunch cmd, @HandledAt Instant now, TimeRules rules) {
        if (launchPending(Action.REJECT_LAUNCH, cmd.launchId(), now, rules)) {
            apply(new Rejected(id.value(), state.launchId().value(), cmd.reason()));
        }
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(PauseCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.PAUSE, state.situation(now, rules));
        apply(new Paused(id.value()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ResumeCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.RESUME, state.situation(now, rules));
        apply(new Resumed(id.value(), state.suspendedReason()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(SuspendCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.SUSPEND, state.situation(now, rules));
        apply(new Suspended(id.value(), SettingsValidator.requireReason("reason", cmd.reason())));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(StopCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.STOP, state.situation(now, rules));
        apply(new Stopped(id.value(), state.channel()));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(RestartCampaign cmd, @HandledAt Instant now, TimeRules rules, DeadlineManager deadlines) {
        Transition.decide(Action.RESTART, state.situation(now, rules));
        apply(new Restarted(id.value()));
        new CampaignTimers(deadlines).endDate(state.settings().endAt());
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(CompleteCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.COMPLETE, state.situation(now, rules));
        apply(new Completed(id.value(), false));
        return outcome();
    }

    @DeadlineHandler(deadlineName = CampaignDeadlines.END_DATE)
    void on(EndDateDue due, @HandledAt Instant now, TimeRules rules) {
        if (!CampaignTimers.stale(due, state, now)
                && Transition.permits(Action.COMPLETE, state.situation(now, rules))) {
            apply(new Completed(id.value(), true));
        }
    }

    @CommandHandler
    CommandOutcome handle(MarkCampaignErrored cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.MARK_ERRORED, state.situation(now, rules));
        apply(new Errored(id.value(), SettingsValidator.requireReason("code", cmd.code()),
                SettingsValidator.requireReason("message", cmd.message())));
        return outcome();
    }

    @CommandHandler
    CommandOutcome handle(ArchiveCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        archive(Transition.decide(Action.ARCHIVE, state.situation(now, rules)), ArchiveReason.MANUAL);
        return outcome();
    }

    /**
     * Warns when the inactivity window nearly ran out, archives when it did, else looks again later
     * (§3). Activity counts from the campaign's {@link LastActivity}, one value read as the timer fires:
     * recording activity writes no timer.
     */
    @DeadlineHandler(deadlineName = CampaignDeadlines.INACTIVITY)
    void on(InactivityCheckDue due, @HandledAt Instant now, TimeRules rules, DeadlineManager deadlines,
            LastActivity lastActivity) {
        Situation situation = state.situation(now, rules);
        if (!Transition.permits(Action.WARN_AUTO_ARCHIVE, situation)) {
            return;
        }
        CampaignTimers.Inactivity window = CampaignTimers.inactivity(state, lastActivity.lastActivityAt(id), now, rules);
        if (window.archive()) {
            Transition.find(Action.ARCHIVE, situation).ifPresent(row -> archive(row, ArchiveReason.AUTO_INACTIVITY));
            return;
        }
        if (window.warns(state)) {
            apply(new AutoArchiveWarned(id.value(), window.archiveAt()));
        }
        new CampaignTimers(deadlines).inactivityCheck(window.checkAgainAt());
    }

    @CommandHandler
    CommandOutcome handle(CloneCampaign cmd, @HandledAt Instant now, TimeRules rules) throws Exception {
        Transition.decide(Action.CLONE, state.situation(now, rules));
        CampaignSettings copy = SettingsValidator.cloneOf(state.settings(), cmd.name());
        apply(new Cloned(id.value(), cmd.cloneId().value()));
        Created created = new Created(cmd.cloneId().value(), state.channel(), copy, id.value());
        createNew(Campaign.class, () -> new Campaign(created));
        return new CommandOutcome(cmd.cloneId().value(), EventMeaning.statusAfter(null, created), 0);
    }

    @CommandHandler
    CommandOutcome handle(DeleteCampaign cmd, @HandledAt Instant now, TimeRules rules) {
        Transition.decide(Action.DELETE, state.situation(now, rules));
        apply(new Deleted(id.value()));
        return outcome();
    }

    /**
     * Which records of a batch may count, as the lifecycle sees them now ({@link ActivityAdmission}); applies
     * nothing. The intake outside the aggregate keeps the records and publishes them as
     * {@link ActivityRecorded} events of no aggregate, so this campaign's stream and state do not grow with
     * its activity.
     */
    @CommandHandler
    ActivityDecision handle(AssessActivity cmd, @HandledAt Instant now, TimeRules rules) {
        ActivityAdmission.Admitted admitted = ActivityAdmission.admit(state.situation(now, rules), state.settings(),
                cmd.records());
        return new ActivityDecision(admitted.verdicts(), admitted.refusedIds(), state.status(), getVersion());
    }

    @EventSourcingHandler
    void on(CampaignEvent event, @Timestamp Instant at) {
        state = state.apply(event, at);
        id = state.id();
    }

    private void archive(Transition row, ArchiveReason reason) {
        if (row.stopsFirst()) {
            apply(new Stopped(id.value(), state.channel()));
        }
        List<PhoneNumber> released = state.phoneNumbers().stream().filter(PhoneNumber::singleUse).toList();
        apply(new Archived(id.value(), reason, released, state.useCaseId()));
    }

    /**
     * Launch outcomes come from the engine's own launch process, which may deliver one twice: an
     * outcome for a launch that is no longer pending has already been applied and changes nothing.
     */
    private boolean launchPending(Action outcome, LaunchId reported, Instant now, TimeRules rules) {
        return Transition.permits(outcome, state.situation(now, rules)) && reported.equals(state.launchId());
    }

    private CommandOutcome outcome() {
        return new CommandOutcome(id.value(), state.status(), getVersion());
    }
}
