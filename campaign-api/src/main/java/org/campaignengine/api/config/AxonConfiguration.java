package org.campaignengine.api.config;

import java.util.List;
import java.util.concurrent.Executors;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.campaignengine.api.audit.ChainAnchors;
import org.campaignengine.api.audit.AxonTables;
import org.campaignengine.api.audit.ChainedAppend;
import org.campaignengine.api.web.RequestContext;
import org.springframework.beans.factory.annotation.Qualifier;
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

    /** Events the event store keeps in memory for the processors that follow its head. */
    static final int CACHED_EVENTS = 200;

    /** Events a processor reads from the store per query (Axon's default is 100): fewer round trips in a replay. */
    static final int EVENT_FETCH_SIZE = 500;

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
     * The gap timeout must outlast any transaction: a commit that arrives later than this behind a
     * newer event would be skipped for good (AxonFramework#4829). PostgreSQL sessions are capped well
     * below it by {@code statement_timeout} and {@code idle_in_transaction_session_timeout}. Under Axon
     * Server ({@code axonserver} profile) there is no such bean: Axon Server stores the events.
     */
    @Bean
    @OwnEventStore
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          @Value("${campaign.event-store.gap-timeout-ms:600000}") int gapTimeout) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(AxonTables.SCHEMA)
                .appendEvents(new ChainedAppend())
                .gapTimeout(gapTimeout)
                .batchSize(EVENT_FETCH_SIZE)
                .build();
    }

    /**
     * Axon's embedded event store keeps the newest events in memory for the processors that follow the
     * head, by count (10,000 by default) whatever their size: after an intake burst that was a hundred
     * activity batches held for good. 200 events (a processor's batch) is enough for processors that keep
     * up; one further behind reads the store itself, as it does in a replay.
     */
    @Bean
    @OwnEventStore
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .build();
    }

    /** Axon's JDBC auto-configuration offers this only while no event store bean is defined. */
    @Bean
    @OwnEventStore
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /**
     * A campaign is snapshotted every 100 events of its own stream, so loading one never replays a long
     * lifecycle; activity is not in that stream, so it never makes a snapshot grow.
     */
    @Bean
    SnapshotTriggerDefinition campaignSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
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
     * Retries a command that lost an optimistic-concurrency race (two nodes, one aggregate); any
     * other failure, a rule violation above all, is answered at once.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        var retries = IntervalRetryScheduler.builder()
                .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                .maxRetryCount(5)
                .retryInterval(50)
                .build();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(retries))
                .build();
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
