package org.campaignengine.projections.statusindex;

import java.time.Instant;
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
import org.axonframework.queryhandling.QueryHandler;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.Transition;
import org.campaignengine.domain.campaign.PhoneNumber;
import org.campaignengine.domain.campaign.TimeRules;

/**
 * The status index: one row per campaign with its status, settings, numbers and the reason it is
 * where it is. Replayable on its own (processing group {@code status-index}).
 */
@ProcessingGroup("status-index")
public class CampaignIndexProjection {

    private final CampaignIndexRepository rows;
    private final CampaignIndexSearch search;
    private final TimeRules rules;

    public CampaignIndexProjection(CampaignIndexRepository rows, TimeRules rules) {
        this.rows = rows;
        this.search = new CampaignIndexSearch(rows.jdbc(), rows);
        this.rules = rules;
    }

    @EventHandler
    void on(Created e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.insert(e.campaignId(), e.channel(), e.settings(), e.clonedFrom(), at, seq);
    }

    @EventHandler
    void on(SettingsUpdated e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (e.launchAt() != null) {
            rows.updateSettings(e.campaignId(), seq, at, e.settings(), "launch_at = ?",
                    CampaignIndexRepository.time(e.launchAt()));
        } else if (Transition.statusSetBy(e).isPresent()) {
            rows.updateSettings(e.campaignId(), seq, at, e.settings(), "status = ?, status_reason = NULL",
                    target(e));
        } else {
            rows.updateSettings(e.campaignId(), seq, at, e.settings(), "");
        }
    }

    @EventHandler
    void on(Scheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, launch_at = ?, status_reason = NULL",
                target(e), CampaignIndexRepository.time(e.launchAt()));
    }

    @EventHandler
    void on(Unscheduled e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, launch_at = NULL", target(e));
    }

    @EventHandler
    void on(LaunchRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e, seq, at, null);
    }

    @EventHandler
    void on(Launched e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, status_reason = NULL, phone_numbers = ?, launched_at = ?, "
                        + "auto_archive_at = ?, auto_archive_warned = FALSE", target(e),
                rows.write(e.phoneNumbers()), CampaignIndexRepository.time(at),
                CampaignIndexRepository.time(rules.autoArchiveAt(at)));
    }

    @EventHandler
    void on(LaunchFailed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, status_reason = ?, launch_at = NULL",
                target(e), e.reason());
    }

    @EventHandler
    void on(Rejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e, seq, at, e.reason());
    }

    @EventHandler
    void on(Paused e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e, seq, at, null);
    }

    @EventHandler
    void on(Resumed e, @SequenceNumber long seq, @Timestamp Instant at) {
        activity(e.campaignId(), seq, at, "status = ?, status_reason = NULL, suspended_reason = NULL",
                target(e));
    }

    @EventHandler
    void on(Suspended e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, status_reason = ?, suspended_reason = ?",
                target(e), e.reason(), e.reason());
    }

    @EventHandler
    void on(Stopped e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, status_reason = NULL, suspended_reason = NULL, "
                + "launch_at = NULL", target(e));
    }

    @EventHandler
    void on(Restarted e, @SequenceNumber long seq, @Timestamp Instant at) {
        activity(e.campaignId(), seq, at, "status = ?, status_reason = NULL", target(e));
    }

    @EventHandler
    void on(Completed e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, status_reason = NULL, suspended_reason = NULL",
                target(e));
    }

    @EventHandler
    void on(Errored e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, status_reason = ?, error_code = ?, error_message = ?",
                target(e), e.message(), e.code(), e.message());
    }

    @EventHandler
    void on(Archived e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "status = ?, status_reason = NULL, archive_reason = ?, "
                        + "auto_archive_at = NULL, auto_archive_warned = FALSE, phone_numbers = ?",
                target(e), e.reason() == null ? null : e.reason().name(),
                rows.write(retained(e)));
    }

    @EventHandler
    void on(AutoArchiveWarned e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "auto_archive_at = ?, auto_archive_warned = TRUE",
                CampaignIndexRepository.time(e.archiveAt()));
    }

    @EventHandler
    void on(Cloned e, @SequenceNumber long seq, @Timestamp Instant at) {
        rows.update(e.campaignId(), seq, at, "cloned_from = cloned_from");
    }

    @EventHandler
    void on(Deleted e, @SequenceNumber long seq, @Timestamp Instant at) {
        status(e, seq, at, null);
    }

    /**
     * Activity is published outside the campaign's stream (no sequence number); only streams written
     * before that carry it as the campaign's own event, whose sequence number the row's version follows.
     */
    @EventHandler
    void on(ActivityRecorded e, EventMessage<?> message, @Timestamp Instant at) {
        long version = message instanceof DomainEventMessage<?> own ? own.getSequenceNumber() : -1;
        if (e.records().stream().anyMatch(r -> r.type().resetsInactivity())) {
            rows.touch(e.campaignId(), version, at, "auto_archive_at = ?, auto_archive_warned = FALSE",
                    CampaignIndexRepository.time(rules.autoArchiveAt(at)));
        } else {
            rows.touch(e.campaignId(), version, at, "");
        }
    }

    @QueryHandler
    Optional<CampaignRow> handle(FindCampaign query) {
        return rows.find(query.campaignId());
    }

    @QueryHandler
    CampaignPage handle(ListCampaigns query) {
        return search.page(query);
    }

    @QueryHandler
    TabCounts handle(CountTabs query) {
        return search.counts(query);
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
    }

    private void status(CampaignEvent e, long seq, Instant at, String reason) {
        rows.update(e.campaignId(), seq, at, "status = ?, status_reason = ?", target(e), reason);
    }

    /** The status the event sets, from the transition table: the index never decides a status itself. */
    private static String target(CampaignEvent e) {
        return Transition.statusSetBy(e).map(Enum::name)
                .orElseThrow(() -> new IllegalStateException(e.getClass().getSimpleName() + " sets no status"));
    }

    /** Activity, resume and restart restart the inactivity window and clear the auto-archive flag. */
    private void activity(String id, long seq, Instant at, String assignments, Object... values) {
        Object[] args = Arrays.copyOf(values, values.length + 1);
        args[values.length] = CampaignIndexRepository.time(rules.autoArchiveAt(at));
        rows.update(id, seq, at, assignments + ", auto_archive_at = ?, auto_archive_warned = FALSE", args);
    }

    /** Reusable numbers stay listed with an archived campaign; released single-use numbers do not. */
    private List<PhoneNumber> retained(Archived e) {
        List<PhoneNumber> held = rows.find(e.campaignId()).map(CampaignRow::phoneNumbers).orElse(List.of());
        return held.stream().filter(n -> !e.releasedNumbers().contains(n)).toList();
    }
}
