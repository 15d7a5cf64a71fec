package org.campaignengine.projections.statusindex;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.projections.tables.ParkedIndexes;

/**
 * The status index: one row per campaign with its status, settings, numbers, figures and the reason it
 * is where it is, plus the tab counters and the per-contact and per-caller flags its figures need.
 * Everything {@link StatusIndexQueries} reads it wrote as events arrived, so it replays alone to the same
 * result (processing group {@code status-index}; the {@code @ResetHandler} empties all of it).
 */
@ProcessingGroup(CampaignIndexProjection.READ_MODEL)
public class CampaignIndexProjection {

    public static final String READ_MODEL = "status-index";

    private final CampaignIndexRepository values;
    private final TabCounters counters;
    private final StatusMoves moves;
    private final ActivityFigures activity;
    private final TimeRules rules;
    private final ParkedIndexes parking;
    private final LongCatchUp catchUp;

    public CampaignIndexProjection(CampaignIndexRepository values, TimeRules rules, ParkedIndexes parking) {
        this(values, rules, parking, LongCatchUp.never());
    }

    public CampaignIndexProjection(CampaignIndexRepository values, TimeRules rules, ParkedIndexes parking,
                                   LongCatchUp catchUp) {
        this.values = values;
        this.parking = parking;
        this.catchUp = catchUp;
        this.counters = new TabCounters(values.jdbc());
        this.moves = new StatusMoves(new IndexWrites(values.jdbc()), values, counters);
        this.activity = new ActivityFigures(values.jdbc());
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
        moves.moveTo(e, seq, at, null, row -> row.set("launch_at", e.launchAt()));
    }

    @EventHandler
    void on(Unscheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> row.set("launch_at", null));
    }

    @EventHandler
    void on(LaunchRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> {
        });
    }

    @EventHandler
    void on(Launched e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> {
            values.numbers(row, e.phoneNumbers());
            row.set("launched_at", at);
            restartWindow(row, at);
        });
    }

    @EventHandler
    void on(LaunchFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, e.reason(), row -> row.set("launch_at", null));
    }

    @EventHandler
    void on(Rejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, e.reason(), row -> {
        });
    }

    @EventHandler
    void on(Paused e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> {
        });
    }

    @EventHandler
    void on(Resumed e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> restartWindow(row.set("suspended_reason", null), at));
    }

    @EventHandler
    void on(Suspended e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, e.reason(), row -> row.set("suspended_reason", e.reason()));
    }

    @EventHandler
    void on(Stopped e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> row.set("suspended_reason", null).set("launch_at", null));
    }

    @EventHandler
    void on(Restarted e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> restartWindow(row, at));
    }

    @EventHandler
    void on(Completed e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> row.set("suspended_reason", null));
    }

    @EventHandler
    void on(Errored e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, e.message(), row -> row.set("error_code", e.code()).set("error_message", e.message()));
    }

    /** Reusable numbers stay listed with an archived campaign; released single-use numbers do not. */
    @EventHandler
    void on(Archived e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> {
            List<PhoneNumber> retained = values.numbers(row).stream()
                    .filter(n -> !e.releasedNumbers().contains(n)).toList();
            values.numbers(row, retained);
            row.set("archive_reason", e.reason() == null ? null : e.reason().name()).set("auto_archive_at", null)
                    .set("auto_archive_warned", false).set("warned_archive_at", null);
        });
    }

    @EventHandler
    void on(AutoArchiveWarned e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.change(e, seq, at, row -> row.set("auto_archive_at", e.archiveAt()).set("auto_archive_warned", true)
                .set("warned_archive_at", e.archiveAt()));
    }

    @EventHandler
    void on(Cloned e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.change(e, seq, at, row -> {
        });
    }

    @EventHandler
    void on(Deleted e, @SequenceNumber long seq, @Timestamp Instant at) {
        moves.moveTo(e, seq, at, null, row -> {
        });
    }

    /**
     * Activity is published outside the campaign's stream (no sequence number); only streams written
     * before that carry it as the campaign's own event, whose sequence number the row's version follows
     * and which, redelivered, changes nothing.
     */
    @EventHandler
    void on(ActivityRecorded e, EventMessage<?> message, @Timestamp Instant at) {
        long version = message instanceof DomainEventMessage<?> own ? own.getSequenceNumber() : -1;
        Optional<BatchIndexRow> before = moves.before(e.campaignId(), version < 0 ? Long.MAX_VALUE : version);
        if (before.isEmpty()) {
            return;
        }
        BatchIndexRow row = before.get();
        row.figures(row.figures().plus(activity.count(e.campaignId(), e.records(), at)));
        if (e.records().stream().anyMatch(r -> r.type().resetsInactivity())) {
            restartWindow(row, at);
        }
        row.set("updated_at", at).set("version", Math.max(row.version(), version));
    }

    /**
     * The first event this node handles decides whether the index is far behind the events (a first build, a
     * node long down): then the sort indexes are parked as for a replay, and built once it has caught up.
     */
    @MessageHandlerInterceptor
    void beforeFirstEvent(TrackingToken token) {
        catchUp.decide(token, () -> parking.park(READ_MODEL, "campaign_index"));
    }

    /** A replay writes the index from empty: its sort indexes are built again once it has caught up. */
    @ResetHandler
    void reset() {
        parking.park(READ_MODEL, "campaign_index");
        values.deleteAll();
        counters.deleteAll();
        activity.deleteAll();
    }

    /** Activity, launch, resume and restart restart the inactivity window and clear the auto-archive flag. */
    private void restartWindow(BatchIndexRow row, Instant at) {
        row.set("auto_archive_at", rules.autoArchiveAt(at)).set("auto_archive_warned", false)
                .set("warned_archive_at", null);
    }
}
