package org.campaignengine.api.deadletters;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every read model sets aside an event it cannot handle, with the campaign's later events behind it (one
 * sequence per campaign, as the processors order events), and goes on with every other campaign. The
 * letters are kept in the database ({@code DeadLetterEntry}, created by Flyway), events and their
 * metadata as the event store's JSON. A replay of a read model clears its letters: it is rebuilt from
 * every event anyway. Checking whether a campaign has letters costs nothing while a segment has none
 * (Axon's sequence identifier cache).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    static ReadModels readModels() {
        return new ReadModels();
    }

    @Bean
    static HandlerEnhancerDefinition oneEventAtATime(ReadModels readModels, PlatformTransactionManager transactions) {
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return new OneEventAtATime(readModels.failedBatches(), savepoint);
    }

    @Bean
    ConfigurerModule deadLetterQueues(ReadModels readModels, ConnectionProvider connections,
                                      TransactionManager transactions, Serializer serializer,
                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                      @Value("${campaign.dead-letters.max-sequences:1024}") int maxSequences,
                                      @Value("${campaign.dead-letters.max-sequence-size:10000}") int maxSequenceSize) {
        return configurer -> configurer.eventProcessing(processing -> readModels.failedBatches().forEach((group, failed) -> processing
                .registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .genericSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .maxSequences(maxSequences)
                        .maxSequenceSize(maxSequenceSize)
                        .build())
                .registerDeadLetterPolicy(group, c -> new ParkingPolicy(failed))
                .registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (c, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true))
                .registerHandlerInterceptor(group, c -> failed)));
    }
}
