package org.campaignengine.domain.campaign;

import org.campaignengine.domain.campaign.CampaignEvent.*;

/**
 * Which row of today's transition table each event records; null for events that are no transition.
 * Only tests ask: stored history is read through {@link EventMeaning}, never through the table.
 */
enum RecordedTransition implements CampaignEvent.Visitor<Transition> {
    INSTANCE;

    @Override
    public Transition created(Created e) {
        return Transition.CREATE;
    }

    /** Only an edit of a REJECTED campaign moves it (back to DRAFT); the event says whether it did. */
    @Override
    public Transition settingsUpdated(SettingsUpdated e) {
        return e.returnedToDraft() ? Transition.EDIT_REJECTED : null;
    }

    @Override
    public Transition scheduled(Scheduled e) {
        return Transition.SCHEDULE;
    }

    @Override
    public Transition unscheduled(Unscheduled e) {
        return Transition.UNSCHEDULE;
    }

    @Override
    public Transition launchRequested(LaunchRequested e) {
        return e.scheduledFor() == null ? Transition.LAUNCH : Transition.LAUNCH_AT_SCHEDULED_TIME;
    }

    @Override
    public Transition launched(Launched e) {
        return Transition.CONFIRM_LAUNCH;
    }

    /** A launch that never started (missed or not ready at its scheduled time) has no launch id. */
    @Override
    public Transition launchFailed(LaunchFailed e) {
        return e.launchId() == null ? Transition.MISS_SCHEDULED_LAUNCH : Transition.FAIL_LAUNCH;
    }

    @Override
    public Transition rejected(Rejected e) {
        return Transition.REJECT_LAUNCH;
    }

    @Override
    public Transition paused(Paused e) {
        return Transition.PAUSE;
    }

    @Override
    public Transition resumed(Resumed e) {
        return Transition.RESUME;
    }

    @Override
    public Transition suspended(Suspended e) {
        return Transition.SUSPEND;
    }

    @Override
    public Transition stopped(Stopped e) {
        return Transition.STOP;
    }

    @Override
    public Transition restarted(Restarted e) {
        return Transition.RESTART;
    }

    @Override
    public Transition completed(Completed e) {
        return Transition.COMPLETE;
    }

    @Override
    public Transition errored(Errored e) {
        return Transition.MARK_ERRORED;
    }

    @Override
    public Transition archived(Archived e) {
        return Transition.ARCHIVE;
    }

    @Override
    public Transition autoArchiveWarned(AutoArchiveWarned e) {
        return Transition.WARN_AUTO_ARCHIVE;
    }

    @Override
    public Transition cloned(Cloned e) {
        return Transition.CLONE;
    }

    @Override
    public Transition deleted(Deleted e) {
        return Transition.DELETE;
    }

    @Override
    public Transition activityRecorded(ActivityRecorded e) {
        return null;
    }
}
