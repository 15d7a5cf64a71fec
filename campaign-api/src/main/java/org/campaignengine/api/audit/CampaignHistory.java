package org.campaignengine.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaignengine.api.web.openapi.EventPayload;
import org.campaignengine.domain.campaign.CampaignEvent;
import org.campaignengine.domain.campaign.PastCampaign;
import org.campaignengine.domain.campaign.TimeRules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A campaign's history read from the event store itself (the lifecycle rules' history and audit), never from a read model: its
 * events in stream order with who caused them, and the campaign as it stood at any version or instant,
 * folded with the aggregate's own {@code apply}. The stream holds lifecycle events only (activity is
 * published outside it), so even a long-lived campaign is folded from a short stream; the store reads it
 * lazily, a few hundred events per query, and stops at the moment asked about.
 */
public class CampaignHistory {

    public static final String ACTOR = "actor";
    public static final String REQUEST_ID = "requestId";

    /** One stored event as the history lists it: the payload is the event's own JSON. */
    @Schema(name = "HistoryEntry", description = "One stored event of a campaign's stream.")
    public record Entry(
            @Schema(description = "Its sequence number in the campaign's stream, from 0.", example = "3") long sequence,
            @Schema(description = "The event's name.", example = "Paused") String type,
            @Schema(description = "When it was stored.", example = "2026-12-05T10:15:00Z") Instant occurredAt,
            @Schema(description = "The account (or process) that caused it.", example = "maria.lopes") String actor,
            @Schema(description = "The id of the request that caused it; null for timers.", nullable = true,
                    example = "b7e1c2d3-0000-4000-8000-000000000001") String requestId,
            @Schema(description = "The event's own JSON.", implementation = EventPayload.class) JsonNode payload) {
    }

    /** Which events a history page lists: of these types (all when empty), inside [from, to). */
    public record Filter(Set<String> types, Instant from, Instant to) {

        public static final Filter ALL = new Filter(Set.of(), null, null);

        boolean narrows() {
            return !types.isEmpty() || from != null || to != null;
        }

        boolean matches(DomainEventMessage<?> event) {
            Instant at = event.getTimestamp();
            return (types.isEmpty() || types.contains(event.getPayloadType().getSimpleName()))
                    && (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
    }

    /** A page of history and whether more follow. */
    public record Page(List<Entry> items, boolean more) {
    }

    private final EventStore events;
    private final ObjectMapper json;
    private final TimeRules rules;

    public CampaignHistory(EventStore events, ObjectMapper json, TimeRules rules) {
        this.events = events;
        this.json = json;
        this.rules = rules;
    }

    /** Whether the campaign has any stored event. */
    public boolean exists(String campaignId) {
        return events.readEvents(campaignId, 0).hasNext();
    }

    /**
     * Page {@code page} of {@code size} entries. Without a filter, sequence numbers are the positions, so
     * the store is read from the page's first sequence on; a filter reads the stream from its start.
     */
    public Page page(String campaignId, Filter filter, int page, int size) {
        long skip = (long) page * size;
        DomainEventStream stream = events.readEvents(campaignId, filter.narrows() ? 0 : skip);
        List<Entry> items = new ArrayList<>();
        long matched = 0;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (filter.narrows() && (!filter.matches(event) || matched++ < skip)) {
                continue;
            }
            if (items.size() == size) {
                return new Page(items, true);
            }
            items.add(entry(event));
        }
        return new Page(items, false);
    }

    /** Every event of the campaign's stream, in order. */
    public void forEach(String campaignId, Consumer<Entry> each) {
        DomainEventStream stream = events.readEvents(campaignId, 0);
        while (stream.hasNext()) {
            each.accept(entry(stream.next()));
        }
    }

    /** The campaign after its event of sequence {@code version}; empty if its stream never got that far. */
    public Optional<PastCampaign> atVersion(String campaignId, long version) {
        PastCampaign.Replay replay = new PastCampaign.Replay();
        Instant at = fold(campaignId, replay, event -> event.getSequenceNumber() <= version);
        return replay.version() == version ? Optional.of(replay.at(at, rules)) : Optional.empty();
    }

    /** The campaign as it stood at {@code instant}: every event stored until then; empty before its first. */
    public Optional<PastCampaign> asOf(String campaignId, Instant instant) {
        PastCampaign.Replay replay = new PastCampaign.Replay();
        fold(campaignId, replay, event -> !event.getTimestamp().isAfter(instant));
        return replay.exists() ? Optional.of(replay.at(instant, rules)) : Optional.empty();
    }

    /** Applies the stream's events while {@code includes} holds (the store stops reading there); the last one's time. */
    private Instant fold(String campaignId, PastCampaign.Replay replay, Predicate<DomainEventMessage<?>> includes) {
        DomainEventStream stream = events.readEvents(campaignId, 0);
        Instant at = null;
        while (stream.hasNext() && includes.test(stream.peek())) {
            DomainEventMessage<?> event = stream.next();
            replay.apply((CampaignEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            at = event.getTimestamp();
        }
        return at;
    }

    private Entry entry(DomainEventMessage<?> event) {
        Object actor = event.getMetaData().get(ACTOR);
        Object request = event.getMetaData().get(REQUEST_ID);
        return new Entry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                actor == null ? null : actor.toString(), request == null ? null : request.toString(),
                json.valueToTree(event.getPayload()));
    }
}
