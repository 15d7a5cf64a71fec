package org.campaignengine.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.campaignengine.api.audit.ChainAnchors;
import org.campaignengine.api.audit.StoredBatches;
import org.campaignengine.api.audit.TableBatches;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without the {@code axonserver} profile the engine keeps its events itself: JDBC, the hash chain, local buses. */
@SpringBootTest(properties = "CAMPAIGN_ADMIN_PASSWORD=own-event-store-secret")
@DirtiesContext
class OwnEventStoreTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:./target/own-store-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Autowired
    ApplicationContext context;

    @Test
    void the_default_profile_stores_events_in_the_jdbc_table_with_its_hash_chain() {
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(EventStore.class)).isNotInstanceOf(AxonServerEventStore.class);
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(SimpleCommandBus.class);
        assertThat(context.getBean(StoredBatches.class)).isInstanceOf(TableBatches.class);
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessor(ChainAnchors.PROCESSING_GROUP))
                .isPresent();
    }

    /** Axon's JDBC components get the engine's connections, which never close a pooled connection twice (SpringConnectionsTest). */
    @Test
    void axons_jdbc_components_use_the_engines_connection_provider_not_axons_auto_configured_one() {
        assertThat(context.getBeanNamesForType(ConnectionProvider.class)).containsExactly("connectionProvider");
        assertThat(((ConfigurableApplicationContext) context).getBeanFactory().getBeanDefinition("connectionProvider")
                .getFactoryBeanName()).isEqualTo("connectionProviderConfiguration");
    }
}
