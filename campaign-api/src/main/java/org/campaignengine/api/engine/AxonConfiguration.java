package org.campaignengine.api.engine;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer.PooledStreamingProcessorConfiguration;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.campaignengine.api.audit.ChainAnchors;
import org.campaignengine.api.eventstore.ChainHeads;
import org.campaignengine.api.web.RequestContext;
import org.campaignengine.api.web.input.IsoInstants;
import org.campaignengine.domain.campaign.Campaign;
import org.campaignengine.domain.campaign.CampaignTargets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Axon on plain JDBC: no JPA, so neither Hibernate's pooled sequence nor OID large objects can creep
 * into the event table (Flyway owns the schema). Events, messages and tokens are JSON. With the
 * {@code axonserver} profile, events, commands and queries go through Axon Server instead (Axon's own
 * auto-configuration); tokens, sagas and deadlines stay in the database.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Events per processor transaction: a read model writes a batch and moves its token once, instead
     * of committing after every event (Axon's default of one), which bounds rebuilds and catch-up.
     */
    static final int BATCH_SIZE = 200;

    /**
     * Under Axon Server, where new tokens start: the first event, named without asking the server (Axon's
     * default, a replay token up to the head, asks it, and a processor whose tokens are new fails to start
     * while Axon Server is out of reach). On a new store both are the same; only a new database against an
     * Axon Server with history differs: handlers that skip replays would see that history.
     */
    private static final TrackingToken FROM_THE_FIRST_EVENT = null;

    /** What every event records about its cause: copied from the command, or set for timers. */
    static final List<String> AUDIT_KEYS = List.of(RequestContext.ACTOR, RequestContext.REQUEST_ID);

    @Bean
    @Primary
    ObjectMapper jacksonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /** Events and messages as JSON, their times read with {@link IsoInstants}. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(IsoInstants.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * A campaign is snapshotted once a load and its command have gone through {@code campaign.snapshot.every}
     * events of its own stream since the last snapshot (10 by default), so loading one reads a snapshot and at
     * most that many events however long its lifecycle. A snapshot costs about one load of those events, so
     * with every 10 a command pays for about 5 events read plus one: at every 100 a campaign paused and
     * resumed all day was read 50 events a command. Activity is not in that stream, so it never makes a
     * snapshot grow. This trigger (Axon's, which loads the campaign again to snapshot it) serves a node that keeps
     * no campaign in memory; campaigns kept in memory are snapshotted as they are, in the command's transaction
     * ({@link CheckedCampaignRepository}), every as many events.
     */
    @Bean
    SnapshotTriggerDefinition campaignSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${campaign.snapshot.every:10}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /** Campaigns made by their constructor, not as Spring prototype beans ({@link CampaignFactory}). */
    @Bean
    AggregateFactory<Campaign> campaignAggregateFactory() {
        return new CampaignFactory();
    }

    /** The campaign a command is for, read from the command itself ({@link CampaignTargets}). */
    @Bean
    CommandTargetResolver campaignTargets() {
        return new CampaignTargets();
    }

    /**
     * Campaigns kept in memory between commands, at most {@code campaign.aggregate-cache.size} of them
     * ({@link RecentCampaigns}); 0 keeps none.
     */
    @Bean
    Cache campaignCache(@Value("${campaign.aggregate-cache.size:10000}") long size) {
        if (size < 0) {
            throw new IllegalArgumentException("campaign.aggregate-cache.size must be 0 or more, not " + size);
        }
        return size == 0 ? NoCache.INSTANCE : new RecentCampaigns(size);
    }

    /**
     * Campaigns loaded from their snapshot and events, or taken from {@code campaignCache} and checked against
     * their stream's last sequence number wherever a decision could be stale ({@link CheckedCampaignRepository}):
     * read with the stream's newest link where the engine keeps its own events ({@link ChainHeads}), else asked of
     * the event store (Axon Server).
     */
    @Bean
    Repository<Campaign> campaignRepository(EventStore eventStore, SnapshotTriggerDefinition campaignSnapshotTrigger,
                                            AggregateFactory<Campaign> campaignAggregateFactory, Cache campaignCache,
                                            ParameterResolverFactory parameterResolverFactory,
                                            HandlerDefinition handlerDefinition,
                                            ObjectProvider<org.axonframework.config.Configuration> axon,
                                            ObjectProvider<ChainHeads> chainHeads,
                                            @Value("${campaign.snapshot.every:10}") int snapshotEvery) {
        EventSourcingRepository.Builder<Campaign> builder = EventSourcingRepository.builder(Campaign.class)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .aggregateFactory(campaignAggregateFactory)
                .snapshotTriggerDefinition(campaignSnapshotTrigger)
                .repositoryProvider(new RepositoryProvider() {
                    @Override
                    public <T> Repository<T> repositoryFor(Class<T> aggregateType) {
                        return axon.getObject().repository(aggregateType);
                    }
                })
                .eventStore(eventStore);
        if (campaignCache == NoCache.INSTANCE) {
            return builder.build();
        }
        ChainHeads heads = chainHeads.getIfAvailable();
        Function<String, Optional<Long>> lastSequenceNumber = heads != null ? heads::lastSequenceNumberFor
                : eventStore::lastSequenceNumberFor;
        return new CheckedCampaignRepository(builder, campaignCache, eventStore, lastSequenceNumber, snapshotEvery);
    }

    /** Registered on the command bus by Axon: see {@link CheckedCampaignRepository#refusals}. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> staleRefusals() {
        return CheckedCampaignRepository.refusals();
    }

    @Bean
    CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(AUDIT_KEYS.toArray(String[]::new));
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Retries a command that lost an optimistic-concurrency race (two nodes, one aggregate) five times, 50 ms
     * apart, on the sending thread when a handler sent it ({@link ConcurrencyRetryScheduler}); any other failure,
     * a rule violation above all, is answered at once.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(5, 50, Executors.newSingleThreadScheduledExecutor()))
                .build();
    }

    /**
     * Axon's event processing module, with every pooled processor invoking its handlers through a
     * {@link RememberingEventHandlerInvoker} (what Axon's invoker asks again for every event, remembered).
     */
    @Bean
    EventProcessingModule eventProcessingModule() {
        return new EventProcessingModule() {
            @Override
            protected EventProcessor pooledStreamingEventProcessor(
                    String name, EventHandlerInvoker invoker, org.axonframework.config.Configuration config,
                    StreamableMessageSource<TrackedEventMessage<?>> source,
                    PooledStreamingProcessorConfiguration customization) {
                return super.pooledStreamingEventProcessor(name, RememberingEventHandlerInvoker.of(invoker), config,
                        source, customization);
            }
        };
    }

    /**
     * Pooled streaming processors everywhere, each campaign's events in order; a handler failure propagates so the batch is retried
     * instead of the event being skipped (a skipped event would corrupt a read model or strand a launch).
     *
     * <p>Segments: a pooled processor hands every event it reads to every segment's queue and, per event,
     * measures each queue (an O(n) {@code ConcurrentLinkedQueue.size()} in Axon 4.12), so its cost grows with
     * segments times queue length; at Axon's default of 16 segments the engine spent most of its CPU there
     * and processed about 500 events/s. A segment per node is enough: each node takes some of them.
     *
     * <p>The audit anchors have one segment (one order, one node at a time) and start from the first stored
     * event even on a store that had history before they existed: Axon starts a new processor with a replay
     * token up to the head, and the anchors, never replayed ({@code @DisallowReplay}), would skip that history.
     */
    @Bean
    ConfigurerModule eventProcessingDefaults(@Value("${campaign.processing.segments:2}") int segments,
                                             @Value("${axon.axonserver.enabled:true}") boolean axonServer) {
        if (segments < 1) {
            throw new IllegalArgumentException("campaign.processing.segments must be at least 1, not " + segments);
        }
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors()
                .registerDefaultSequencingPolicy(c -> new CampaignSequencingPolicy())
                .registerPooledStreamingEventProcessorConfiguration((c, builder) -> {
                    builder.batchSize(BATCH_SIZE).initialSegmentCount(segments)
                            .coordinatorExecutor(name -> CoordinatorExecutor.of(name, c));
                    return axonServer ? builder.initialToken(source -> FROM_THE_FIRST_EVENT) : builder;
                })
                .registerPooledStreamingEventProcessorConfiguration(ChainAnchors.PROCESSING_GROUP,
                        (c, builder) -> builder.batchSize(BATCH_SIZE).initialSegmentCount(1)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }
}
