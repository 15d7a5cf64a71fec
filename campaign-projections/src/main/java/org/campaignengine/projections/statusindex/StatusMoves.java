package org.campaignengine.projections.statusindex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.SettingsUpdated;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.Transition;

/**
 * Every change of a row's status, shelf or office, made together with the tab counters it moves, so
 * the two never disagree. The status always comes from the transition table: the index never decides
 * a status itself.
 */
final class StatusMoves {

    private final CampaignIndexRepository rows;
    private final TabCounters counters;

    StatusMoves(CampaignIndexRepository rows, TabCounters counters) {
        this.rows = rows;
        this.counters = counters;
    }

    void created(Created e, long seq, Instant at) {
        if (rows.insert(e.campaignId(), e.channel(), e.settings(), e.clonedFrom(), at, seq)) {
            counters.add(new TabCounters.Key(e.settings().office(), e.channel(), CampaignStatus.DRAFT));
        }
    }

    /** New settings may move the campaign to another office and, from REJECTED, back to DRAFT. */
    void settingsUpdated(SettingsUpdated e, long seq, Instant at) {
        rows.before(e.campaignId(), seq).ifPresent(before -> {
            CampaignStatus status = Transition.statusSetBy(e).orElse(before.status());
            if (e.launchAt() != null) {
                rows.updateSettings(e.campaignId(), seq, at, e.settings(), before, "launch_at = ?",
                        CampaignIndexRepository.time(e.launchAt()));
            } else if (status != before.status()) {
                rows.updateSettings(e.campaignId(), seq, at, e.settings(), before, "status = ?, tab = ?, "
                        + "status_reason = NULL, status_reason_key = NULL", status.name(), Shelf.of(status).key());
            } else {
                rows.updateSettings(e.campaignId(), seq, at, e.settings(), before, "");
            }
            counters.move(before.key(), before.key().withOffice(e.settings().office()).withStatus(status));
        });
    }

    /**
     * Moves the campaign to the status the event sets, with the reason it is there (null: none), plus
     * {@code assignments}; a redelivered event moves nothing.
     */
    void moveTo(CampaignEvent e, long seq, Instant at, String reason, String assignments, Object... values) {
        rows.before(e.campaignId(), seq).ifPresent(before -> {
            CampaignStatus status = Transition.statusSetBy(e).orElseThrow(
                    () -> new IllegalStateException(e.getClass().getSimpleName() + " sets no status"));
            List<Object> args = new ArrayList<>(List.of(status.name(), Shelf.of(status).key()));
            args.add(reason);
            args.add(SortKeys.cut(reason, SortKeys.TEXT));
            args.addAll(Arrays.asList(values));
            rows.update(e.campaignId(), seq, at, "status = ?, tab = ?, status_reason = ?, status_reason_key = ?"
                    + (assignments.isEmpty() ? "" : ", " + assignments), args.toArray());
            counters.move(before.key(), before.key().withStatus(status));
        });
    }
}
