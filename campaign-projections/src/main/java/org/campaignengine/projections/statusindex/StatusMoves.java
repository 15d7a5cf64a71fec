package org.campaignengine.projections.statusindex;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.campaignengine.domain.campaign.CampaignEvent.SettingsUpdated;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.domain.campaign.EventMeaning;

/**
 * Every change of a row, made together with the tab counters a change of status, shelf or office moves,
 * so the two never disagree. Each change of a campaign's own event applies only to a row that has not
 * seen that event (its version is below the event's sequence number), so a redelivered event changes
 * nothing. The status is always what the stored event means ({@link EventMeaning}), the same reading the
 * aggregate and state as of make: the index never decides a status itself.
 */
final class StatusMoves {

    private final IndexWrites rows;
    private final CampaignIndexRepository values;
    private final TabCounters counters;

    StatusMoves(IndexWrites rows, CampaignIndexRepository values, TabCounters counters) {
        this.rows = rows;
        this.values = values;
        this.counters = counters;
    }

    void created(Created e, long seq, Instant at) {
        if (rows.row(e.campaignId()).isPresent()) {
            return;
        }
        CampaignStatus status = EventMeaning.statusAfter(null, e);
        BatchIndexRow row = rows.add(e.campaignId()).set("channel", e.channel().name()).set("status", status.name())
                .set("shelf", Shelf.of(status).code()).set("created_at", at).set("cloned_from", e.clonedFrom())
                .set("auto_archive_warned", false);
        row.figures(Figures.NONE);
        values.numbers(row, java.util.List.of());
        values.settings(row, e.settings());
        stamp(row, seq, at);
        counters.add(row.key());
    }

    /** New settings may move the campaign to another office and, from REJECTED, back to DRAFT. */
    void settingsUpdated(SettingsUpdated e, long seq, Instant at) {
        change(e, seq, at, row -> {
            CampaignStatus status = EventMeaning.statusAfter(row.status(), e);
            values.settings(row, e.settings());
            if (e.launchAt() != null) {
                row.set("launch_at", e.launchAt());
            } else if (status != row.status()) {
                row.set("status", status.name()).set("shelf", Shelf.of(status).code()).set("status_reason", null)
                        .set("status_reason_key", null);
            }
        });
    }

    /**
     * Moves the campaign to the status the event sets, with the reason it is there (null: none), and
     * makes the event's other changes; a redelivered event moves nothing.
     */
    void moveTo(CampaignEvent e, long seq, Instant at, String reason, Consumer<BatchIndexRow> more) {
        CampaignStatus status = EventMeaning.statusSetBy(e).orElseThrow(
                () -> new IllegalStateException(e.getClass().getSimpleName() + " sets no status"));
        change(e, seq, at, row -> {
            row.set("status", status.name()).set("shelf", Shelf.of(status).code()).set("status_reason", reason)
                    .set("status_reason_key", SortKeys.cut(reason, SortKeys.TEXT));
            more.accept(row);
        });
    }

    /** Makes a campaign event's changes to a row that has not seen it, and moves the counters with it. */
    void change(CampaignEvent e, long seq, Instant at, Consumer<BatchIndexRow> changes) {
        before(e.campaignId(), seq).ifPresent(row -> {
            TabCounters.Key from = row.key();
            changes.accept(row);
            stamp(row, seq, at);
            counters.move(from, row.key());
        });
    }

    /** The campaign's row if it has not seen the event of sequence {@code seq}. */
    Optional<BatchIndexRow> before(String campaignId, long seq) {
        return rows.row(campaignId).filter(row -> row.version() < seq);
    }

    private static void stamp(BatchIndexRow row, long seq, Instant at) {
        row.set("updated_at", at).set("version", seq);
    }
}
