package org.campaignengine.api.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.campaignengine.api.live.CampaignChanged;
import org.campaignengine.api.live.WatchCampaigns;
import org.campaignengine.domain.campaign.CampaignStatus;
import org.campaignengine.projections.analytics.CampaignAnalytics;
import org.campaignengine.projections.analytics.FindAnalytics;
import org.campaignengine.projections.statusindex.CampaignRow;
import org.campaignengine.projections.statusindex.DisplayProfile;
import org.campaignengine.projections.statusindex.FindCampaign;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/stream}: server-sent events with each index row ({@code campaign}) and each
 * campaign's figures ({@code analytics}) as their read models change them, within the caller's offices. Updates come through an Axon subscription query whose buffer is
 * bounded ({@link #BUFFER}); a client too slow to keep up overflows it and is disconnected (it may
 * reconnect and reload), so no client can make the engine hold unbounded updates for it. Sending
 * runs off the event processors' threads.
 */
@RestController
class LiveStreamController {

    static final int BUFFER = 256;
    static final String STATUS_INDEX = "status-index";
    static final String ANALYTICS = "analytics";
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final QueryGateway queries;
    private final OfficeScope scope;
    private final Clock clock;
    private final DisplayProfiles profiles;

    LiveStreamController(QueryGateway queries, OfficeScope scope, Clock clock, DisplayProfiles profiles) {
        this.queries = queries;
        this.scope = scope;
        this.clock = clock;
        this.profiles = profiles;
    }

    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String profile) throws IOException {
        Set<String> offices = scope.visibleOffices();
        DisplayProfile display = profiles.chosen(profile);
        SseEmitter sse = new SseEmitter(STREAM_TIMEOUT.toMillis());
        SubscriptionQueryResult<String, CampaignChanged> subscription = queries.subscriptionQuery(
                WatchCampaigns.class.getName(), new WatchCampaigns(), ResponseTypes.instanceOf(String.class),
                ResponseTypes.instanceOf(CampaignChanged.class), BUFFER);
        Disposable updates = subscription.updates()
                .publishOn(Schedulers.boundedElastic(), 32)
                .subscribe(change -> push(sse, offices, display, change), sse::completeWithError, sse::complete);
        Runnable close = () -> {
            updates.dispose();
            subscription.close();
        };
        sse.onCompletion(close);
        sse.onTimeout(close);
        sse.onError(error -> close.run());
        sse.send(SseEmitter.event().name("ready").data("{\"bufferSize\":" + BUFFER + "}", MediaType.APPLICATION_JSON));
        return sse;
    }

    /** The status index's changes go out as index rows, the analytics' as figures; other read models' not at all. */
    private void push(SseEmitter sse, Set<String> offices, DisplayProfile display, CampaignChanged change) {
        if (change.readModel().equals(STATUS_INDEX)) {
            Optional<CampaignRow> row = queries.query(new FindCampaign(change.campaignId()),
                    ResponseTypes.optionalInstanceOf(CampaignRow.class)).join();
            row.filter(r -> r.status() != CampaignStatus.DELETED && visible(offices, r.settings().office()))
                    .ifPresent(r -> send(sse, "campaign", r.id() + ":" + r.version(), IndexRow.of(r, clock, display)));
        } else if (change.readModel().equals(ANALYTICS)) {
            Optional<CampaignAnalytics> figures = queries.query(new FindAnalytics(change.campaignId()),
                    ResponseTypes.optionalInstanceOf(CampaignAnalytics.class)).join();
            figures.filter(f -> !f.deleted() && visible(offices, f.office()))
                    .ifPresent(f -> send(sse, "analytics", change.campaignId(),
                            Map.of("campaignId", change.campaignId(), "analytics", f.analytics())));
        }
    }

    private static boolean visible(Set<String> offices, String office) {
        return offices == null || (office != null && offices.contains(office));
    }

    private static void send(SseEmitter sse, String name, String id, Object data) {
        try {
            sse.send(SseEmitter.event().name(name).id(id).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            sse.completeWithError(gone);
        }
    }
}
