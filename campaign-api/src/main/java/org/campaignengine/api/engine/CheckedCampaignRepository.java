package org.campaignengine.api.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.campaignengine.domain.campaign.Campaign;

/**
 * Campaigns kept in memory between commands ({@link RecentCampaigns}), each checked against the store whenever a
 * decision on it could be stale: a node never decides on a campaign another node changed since, not even a
 * refusal or an answer that appends nothing. Its version must be its stream's last stored sequence number (one
 * index look-up), else the campaign is loaded from its snapshot and events as without a cache.
 * <ul>
 *   <li>A command that appends needs no look-up: its events follow the version it decided on, so a change
 *   another node committed since makes the append fail on the stream's unique sequence (a
 *   {@code ConcurrencyException}, retried on the campaign loaded again), as a change committed while the command
 *   ran always did.</li>
 *   <li>A command that appends nothing is checked before it commits, and a refusal before it is answered
 *   ({@link #refusals}): if the campaign changed, the command fails as a {@code ConcurrencyException}, which the
 *   gateway retries.</li>
 *   <li>Anything else (a timer) checks before it decides.</li>
 * </ul>
 * A command that fails rolls back and forgets its campaign.
 *
 * <p>A load from the store reads the campaign's snapshot and up to ten events and applies them (about a tenth of
 * a lifecycle command's request thread, and two of its queries); the check is one query that reads no event, and
 * with the engine's own event store it reads the stream's newest link too, which the append then chains from.
 *
 * <p>A campaign is snapshotted as it is in memory, in the transaction of a command that appended events and after
 * them, so a snapshot is stored only with the events it follows, and never read back from the store to be taken:
 * once its stream passes a multiple of {@code every} events, or when the command's load from the store applied
 * {@code every} events or more (a campaign with no usable snapshot: none yet, or one of another revision). So a
 * load applies fewer than {@code every} events after its snapshot.
 */
final class CheckedCampaignRepository extends CachingEventSourcingRepository<Campaign> {

    /** The unit of work's resource: the checks of the campaigns its command used from memory unchecked. */
    private static final String UNCHECKED = CheckedCampaignRepository.class.getName() + ".unchecked";

    /** The unit of work's resource: how its campaigns were loaded (new ones: not there). */
    private static final String LOADED = CheckedCampaignRepository.class.getName() + ".loaded";
    /** The unit of work's resource: how many events each load from the store applied after its snapshot. */
    private static final String APPLIED = CheckedCampaignRepository.class.getName() + ".applied";

    /** A campaign loaded at {@code version}, having applied {@code every} events or more from the store if {@code many}. */
    private record Loaded(long version, boolean many) {
    }

    private final Cache cache;
    private final EventStore events;
    private final Function<String, Optional<Long>> lastSequenceNumber;
    private final int every;

    /**
     * {@code lastSequenceNumber}: a stream's last stored sequence number, read from the store, none if it is empty;
     * {@code every}: a campaign is snapshotted each time its stream passes a multiple of this many events.
     */
    CheckedCampaignRepository(EventSourcingRepository.Builder<Campaign> builder, Cache cache, EventStore events,
                              Function<String, Optional<Long>> lastSequenceNumber, int every) {
        super(builder.cache(cache).eventStore(events).snapshotTriggerDefinition(NoSnapshotTriggerDefinition.INSTANCE));
        if (every < 1) {
            throw new IllegalArgumentException("campaign.snapshot.every must be at least 1, not " + every);
        }
        this.cache = cache;
        this.events = events;
        this.lastSequenceNumber = lastSequenceNumber;
        this.every = every;
    }

    @Override
    protected EventSourcedAggregate<Campaign> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        EventSourcedAggregate<Campaign> loaded = checkedLoad(aggregateIdentifier, expectedVersion);
        Long version = loaded.version();
        if (version != null) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            Map<String, long[]> applied = unitOfWork.getResource(APPLIED);
            long[] read = applied == null ? null : applied.get(aggregateIdentifier);
            unitOfWork.<Map<String, Loaded>>getOrComputeResource(LOADED, key -> new HashMap<>())
                    .put(aggregateIdentifier, new Loaded(version, read != null && read[0] >= every));
        }
        return loaded;
    }

    /** Counts the events a load from the store applies after its snapshot (the snapshot's payload is a campaign). */
    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        long[] applied = new long[1];
        CurrentUnitOfWork.get().<Map<String, long[]>>getOrComputeResource(APPLIED, key -> new HashMap<>())
                .put(aggregateIdentifier, applied);
        return super.readEvents(aggregateIdentifier).filter(event -> {
            if (!Campaign.class.equals(event.getPayloadType())) {
                applied[0]++;
            }
            return true;
        });
    }

    /**
     * Once the command's events are appended (the handlers of the prepare-commit phase run in order, and this one is
     * added while the phase runs, after the append's), a campaign whose stream passed a multiple of {@link #every}
     * is snapshotted in the same transaction.
     */
    @Override
    protected void doSaveWithLock(EventSourcedAggregate<Campaign> aggregate) {
        super.doSaveWithLock(aggregate);
        Long version = aggregate.version();
        if (version == null) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, Loaded> loads = unitOfWork.getResource(LOADED);
        Loaded loaded = loads == null ? null : loads.get(aggregate.identifierAsString());
        long eventsBefore = loaded == null ? 0 : loaded.version() + 1;
        boolean appended = version + 1 > eventsBefore;
        boolean passedMultiple = (version + 1) / every > eventsBefore / every;
        if (appended && (passedMultiple || loaded != null && loaded.many()) && !aggregate.isDeleted()) {
            unitOfWork.onPrepareCommit(u -> events.storeSnapshot(new GenericDomainEventMessage<>(aggregate.type(),
                    aggregate.identifierAsString(), version, aggregate.getAggregateRoot())));
        }
    }

    private EventSourcedAggregate<Campaign> checkedLoad(String aggregateIdentifier, Long expectedVersion) {
        if (!cache.containsKey(aggregateIdentifier)) {
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        EventSourcedAggregate<Campaign> kept = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        Long version = kept.version();
        if (version != null && CurrentUnitOfWork.get().getMessage() instanceof CommandMessage<?>) {
            UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
            Runnable check = () -> requireCurrent(aggregateIdentifier, version);
            unitOfWork.<Map<String, Runnable>>getOrComputeResource(UNCHECKED, key -> new HashMap<>())
                    .put(aggregateIdentifier, check);
            unitOfWork.onPrepareCommit(u -> {
                if (version.equals(kept.version())) {
                    check.run();
                }
            });
            return kept;
        }
        if (version != null && current(aggregateIdentifier, version)) {
            return kept;
        }
        cache.remove(aggregateIdentifier);
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    private boolean current(String id, long version) {
        return lastSequenceNumber.apply(id).filter(last -> last == version).isPresent();
    }

    /** Fails (a {@code ConcurrencyException}) if the stream of {@code id} has moved past {@code version}. */
    private void requireCurrent(String id, long version) {
        if (!current(id, version)) {
            cache.remove(id);
            throw new ConcurrencyException("campaign " + id + " was changed by another node since version "
                    + version + " this node kept; the command runs again on what is stored");
        }
    }

    /**
     * Registered on the command bus: a command that refuses, having used a campaign from memory unchecked, is
     * answered only once the campaign is found current; if another node changed it since, the refusal becomes a
     * {@code ConcurrencyException}, and the command runs again on what is stored.
     */
    static MessageHandlerInterceptor<CommandMessage<?>> refusals() {
        return (UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) -> {
            try {
                return chain.proceed();
            } catch (Exception refusal) {
                Map<String, Runnable> unchecked = unitOfWork.getResource(UNCHECKED);
                if (unchecked == null || refusal instanceof ConcurrencyException) {
                    throw refusal;
                }
                try {
                    unchecked.values().forEach(Runnable::run);
                } catch (ConcurrencyException stale) {
                    stale.initCause(refusal);
                    throw stale;
                } catch (RuntimeException checkFailed) {
                    refusal.addSuppressed(checkFailed);
                }
                throw refusal;
            }
        };
    }
}
