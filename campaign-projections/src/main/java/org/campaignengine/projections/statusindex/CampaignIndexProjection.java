package org.campaignengine.projections.statusindex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.projections.statusindex.CampaignIndexRepository.RowState;

/**
 * The status index: one row per campaign with its status, settings, numbers, figures and the reason it
 * is where it is, plus the tab counters and the per-contact and per-caller flags its figures need.
 * Everything {@link StatusIndexQueries} reads it wrote as events arrived, so it replays alone to the same
 * result (processing group {@code status-index}; the {@code @ResetHandler} empties all of it).
 */
@ProcessingGroup("status-index")
public class CampaignIndexProjection {

    private final CampaignIndexRepository rows;
    private final TabCounters counters;
    private final StatusMoves moves;
    private final ActivityFigures activity;
    private final TimeRules rules;

    public CampaignIndexProjection(CampaignIndexRepository rows, TimeRules rules) {
        this.rows = rows;
        this.counters = new TabCounters(rows.jdbc());
        this.moves = new StatusMoves(rows, counters);
        this.activity = new ActivityFigures(rows.jdbc());
        this.rules = rules;
    }

    @EventHandler
    void on(Created e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.created(e, seq, at);
    }

    @EventHandler
    void on(SettingsUpdated e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.settingsUpdated(e, seq, at);
    }

    @EventHandler
    void on(Scheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, "launch_at = ?", CampaignIndexRepository.time(e.launchAt()));
    }

    @EventHandler
    void on(Unscheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, "launch_at = NULL");
    }

    @EventHandler
    void on(LaunchRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, "");
    }

    @EventHandler
    void on(Launched e, @SequenceNumber long seq, @Timestamp Instant at) {
        List<Object> values = new ArrayList<>(Arrays.asList(rows.numbers(e.phoneNumbers())));
        values.add(CampaignIndexRepository.time(at));
        moves.moveTo(e, seq, at, null, CampaignIndexRepository.NUMBERS + ", launched_at = ?, " + RESTART_WINDOW,
                withWindow(values, at));
    }

    @EventHandler
    void on(LaunchFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, e.reason(), "launch_at = NULL");
    }

    @EventHandler
    void on(Rejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, e.reason(), "");
    }

    @EventHandler
    void on(Paused e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, "");
    }

    @EventHandler
    void on(Resumed e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, "suspended_reason = NULL, " + RESTART_WINDOW, withWindow(new ArrayList<>(), at));
    }

    @EventHandler
    void on(Suspended e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, e.reason(), "suspended_reason = ?", e.reason());
    }

    @EventHandler
    void on(Stopped e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, "suspended_reason = NULL, launch_at = NULL");
    }

    @EventHandler
    void on(Restarted e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, RESTART_WINDOW, withWindow(new ArrayList<>(), at));
    }

    @EventHandler
    void on(Completed e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, "suspended_reason = NULL");
    }

    @EventHandler
    void on(Errored e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, e.message(), "error_code = ?, error_message = ?", e.code(), e.message());
    }

    @EventHandler
    void on(Archived e, @SequenceNumber long seq, @Timestamp Instant at) {
        List<Object> values = new ArrayList<>();
        values.add(e.reason() == null ? null : e.reason().name());
        values.addAll(Arrays.asList(rows.numbers(retained(e))));
        moves.moveTo(e, seq, at, null, "archive_reason = ?, " + CampaignIndexRepository.NUMBERS + ", auto_archive_at = NULL, "
                + "auto_archive_warned = FALSE, warned_archive_at = NULL", values.toArray());
    }

    @EventHandler
    void on(AutoArchiveWarned e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "auto_archive_at = ?, auto_archive_warned = TRUE, warned_archive_at = ?",
                CampaignIndexRepository.time(e.archiveAt()), CampaignIndexRepository.time(e.archiveAt()));
    }

    @EventHandler
    void on(Cloned e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "cloned_from = cloned_from");
    }

    @EventHandler
    void on(Deleted e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, "");
    }

    /**
     * Activity is published outside the campaign's stream (no sequence number); only streams written
     * before that carry it as the campaign's own event, whose sequence number the row's version follows
     * and which, redelivered, changes nothing.
     */
    @EventHandler
    void on(ActivityRecorded e, EventMessage<?> message, @Timestamp Instant at) {
        long version = message instanceof DomainEventMessage<?> own ? own.getSequenceNumber() : -1;
        Optional<RowState> before = rows.before(e.campaignId(), version < 0 ? Long.MAX_VALUE : version);
        if (before.isEmpty()) {
            return;
        }
        Figures figures = before.get().figures().plus(activity.count(e.campaignId(), e.records(), at));
        List<Object> values = new ArrayList<>(Arrays.asList(ActivityFigures.values(figures, before.get().channel())));
        if (e.records().stream().anyMatch(r -> r.type().resetsInactivity())) {
            rows.touch(e.campaignId(), version, at, ActivityFigures.ASSIGNMENTS + ", " + RESTART_WINDOW,
                    withWindow(values, at));
        } else {
            rows.touch(e.campaignId(), version, at, ActivityFigures.ASSIGNMENTS, values.toArray());
        }
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
        counters.deleteAll();
        activity.deleteAll();
    }

    /** Activity, launch, resume and restart restart the inactivity window and clear the auto-archive flag. */
    private static final String RESTART_WINDOW = "auto_archive_at = ?, auto_archive_warned = FALSE, "
            + "warned_archive_at = NULL";

    private Object[] withWindow(List<Object> values, Instant at) {
        values.add(CampaignIndexRepository.time(rules.autoArchiveAt(at)));
        return values.toArray();
    }

    /** Reusable numbers stay listed with an archived campaign; released single-use numbers do not. */
    private List<PhoneNumber> retained(Archived e) {
        List<PhoneNumber> held = rows.find(e.campaignId()).map(CampaignRow::phoneNumbers).orElse(List.of());
        return held.stream().filter(n -> !e.releasedNumbers().contains(n)).toList();
    }
}
