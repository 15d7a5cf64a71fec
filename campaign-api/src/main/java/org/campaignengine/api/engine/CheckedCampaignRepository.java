package org.campaignengine.api.engine;

import java.util.Optional;
import java.util.function.Function;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaignengine.domain.campaign.Campaign;

/**
 * Campaigns kept in memory between commands ({@link RecentCampaigns}), each checked against the store before a
 * command uses it: the campaign is used only if its version is its stream's last stored sequence number (one
 * index look-up), else it is loaded from its snapshot and events as without a cache. So a node never decides on a
 * campaign another node changed since: not even a refusal or an answer that appends nothing. A change committed
 * between the check and this command's append is caught where it always was, at the append (the stream's unique
 * sequence: a {@code ConcurrencyException}, retried). A command that fails rolls back and forgets its campaign.
 *
 * <p>A load from the store reads the campaign's snapshot and up to ten events and applies them (about a tenth of
 * a lifecycle command's request thread, and two of its queries); the check is one query that reads no event, and
 * with the engine's own event store it reads the stream's newest link too, which the append then chains from.
 */
final class CheckedCampaignRepository extends CachingEventSourcingRepository<Campaign> {

    private final Cache cache;
    private final Function<String, Optional<Long>> lastSequenceNumber;

    /** {@code lastSequenceNumber}: a stream's last stored sequence number, read from the store, none if it is empty. */
    CheckedCampaignRepository(EventSourcingRepository.Builder<Campaign> builder, Cache cache, EventStore events,
                              Function<String, Optional<Long>> lastSequenceNumber) {
        super(builder.cache(cache).eventStore(events));
        this.cache = cache;
        this.lastSequenceNumber = lastSequenceNumber;
    }

    @Override
    protected EventSourcedAggregate<Campaign> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        if (!cache.containsKey(aggregateIdentifier)) {
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        EventSourcedAggregate<Campaign> kept = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        Long version = kept.version();
        if (version != null && version.equals(lastSequenceNumber.apply(aggregateIdentifier).orElse(null))) {
            return kept;
        }
        cache.remove(aggregateIdentifier);
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }
}
