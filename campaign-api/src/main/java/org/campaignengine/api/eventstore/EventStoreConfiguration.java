package org.campaignengine.api.eventstore;

import java.time.Duration;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The engine's own event store: Axon's JDBC storage engine on the table Flyway made, each append chained
 * ({@link ChainedAppend}), and Axon's embedded event store over it. None of it exists under the
 * {@code axonserver} profile, where Axon Server keeps the events ({@link OwnEventStore}).
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /**
     * Events the event store keeps in memory for the processors that follow its head: seconds of commands, so a
     * processor whose batch takes a while still reads the next events from memory rather than from the store.
     */
    static final int CACHED_EVENTS = 2_000;

    /**
     * Activity batches whose records stay in memory with them ({@link ActivityHeldApart}): up to 1,000 records
     * each, about 400 KB, so at most some 80 MB.
     */
    static final int HELD_ACTIVITY_BATCHES = 200;

    /** Events a processor reads from the store per query (Axon's default is 100): fewer round trips in a replay. */
    static final int EVENT_FETCH_SIZE = 500;

    /**
     * The gap timeout must outlast any transaction: a commit that arrives later than this behind a
     * newer event would be skipped for good (AxonFramework#4829). PostgreSQL sessions are capped well
     * below it by {@code statement_timeout} and {@code idle_in_transaction_session_timeout}. Under Axon
     * Server ({@code axonserver} profile) there is no such bean: Axon Server stores the events. Its reads
     * outside a transaction take none of their own ({@link StoreReads}).
     */
    @Bean
    @OwnEventStore
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, ChainHeads chainHeads,
                                          @Value("${campaign.event-store.gap-timeout-ms:600000}") int gapTimeout) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(new StoreReads(transactionManager))
                .schema(AxonTables.SCHEMA)
                .appendEvents(new ChainedAppend(chainHeads))
                .gapTimeout(gapTimeout)
                .batchSize(EVENT_FETCH_SIZE)
                .build();
    }

    /**
     * Axon's embedded event store keeps the newest events in memory for the processors that follow the
     * head, by count (10,000 by default) whatever their size. It reads them through {@link ActivityHeldApart},
     * which keeps the records of only the newest activity batches, so the count bounds small events and
     * the records in memory stay bounded apart. A processor further behind than the cached events reads the
     * store itself, as it does in a replay. The head is read at most once per
     * {@code campaign.event-store.head-read-interval-ms} ({@link PacedHeadReads}; 0: after every commit).
     */
    @Bean
    @OwnEventStore
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, JdbcTemplate jdbc,
                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                  org.axonframework.config.Configuration configuration,
                                  @Value("${campaign.event-store.head-read-interval-ms:10}") long headReadInterval) {
        EventStorageEngine head = new ActivityHeldApart(storageEngine, new AxonTables(jdbc), eventSerializer,
                HELD_ACTIVITY_BATCHES);
        return EmbeddedEventStore.builder()
                .storageEngine(headReadInterval == 0 ? head : new PacedHeadReads(head, Duration.ofMillis(headReadInterval)))
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .build();
    }

    /**
     * Streams' newest links, which a check of a campaign kept in memory reads and appends chain from: as many
     * streams as campaigns are kept in memory ({@code campaign.aggregate-cache.size}).
     */
    @Bean
    @OwnEventStore
    ChainHeads chainHeads(ConnectionProvider connectionProvider,
                          @Value("${campaign.aggregate-cache.size:10000}") long size) {
        return new ChainHeads(connectionProvider, Math.max(size, 0));
    }

    /**
     * Axon's Spring transactions, where a command's own commits with its append in one round trip to PostgreSQL
     * ({@link CommandTransactions}); in place of the one Axon's auto-configuration would make.
     */
    @Bean
    @OwnEventStore
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions,
                                              ConnectionProvider connectionProvider,
                                              PersistenceExceptionResolver persistenceExceptionResolver) {
        return new CommandTransactions(transactions, connectionProvider, persistenceExceptionResolver);
    }

    /** Axon's JDBC auto-configuration offers this only while no event store bean is defined. */
    @Bean
    @OwnEventStore
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeys();
    }
}
