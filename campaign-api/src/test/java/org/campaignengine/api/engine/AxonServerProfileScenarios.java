package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.queryhandling.QueryBus;
import org.campaignengine.api.audit.ChainAnchors;
import org.campaignengine.api.audit.ChainVerifier;
import org.campaignengine.api.audit.StoredBatches;
import org.campaignengine.api.audit.StreamedBatches;
import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code axonserver} profile's wiring, on each store (subclasses choose it), with Axon Server pointed at a loopback port nobody
 * listens on: the engine starts all the same (the connector keeps retrying in the background), its buses
 * and event store are Axon Server's, and nothing of the engine's own JDBC event store is left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "CAMPAIGN_ADMIN_PASSWORD=" + AxonServerProfileScenarios.PASSWORD)
@DirtiesContext
abstract class AxonServerProfileScenarios {

    static final String PASSWORD = "axonserver-profile-secret";

    @DynamicPropertySource
    static void unreachableAxonServer(DynamicPropertyRegistry registry) {
        registry.add("axon.axonserver.servers", () -> "127.0.0.1:" + closedPort());
    }

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void commands_queries_and_events_go_through_axon_server() {
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
    }

    @Test
    void tokens_and_sagas_stay_in_the_database() {
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        assertThat(context.getBean(SagaStore.class)).isInstanceOf(JdbcSagaStore.class);
    }

    @Test
    void the_engine_keeps_no_event_table_of_its_own_nor_a_hash_chain() {
        assertThat(context.getBeansOfType(EventStorageEngine.class)).isEmpty();
        assertThat(context.getBeansOfType(ChainAnchors.class)).isEmpty();
        assertThat(context.getBeansOfType(ChainVerifier.class)).isEmpty();
        assertThat(context.getBean(EventProcessingConfiguration.class).eventProcessor(ChainAnchors.PROCESSING_GROUP))
                .isEmpty();
    }

    @Test
    void the_export_reads_activity_through_the_event_store_api() {
        assertThat(context.getBean(StoredBatches.class)).isInstanceOf(StreamedBatches.class);
    }

    @Test
    void tamper_evidence_is_refused_with_a_problem_not_an_error() {
        EngineClient admin = new EngineClient(port, "admin", PASSWORD);
        for (String path : new String[]{"/api/v1/audit/verify", "/api/v1/audit/head",
                "/api/v1/audit/verify?position=1&anchor=" + "0".repeat(64)}) {
            Reply reply = admin.get(path);
            assertThat(reply.status()).as(path).isEqualTo(501);
            assertThat(reply.text("type")).as(path).isEqualTo("urn:campaign-engine:problem:no-tamper-evidence");
            assertThat(reply.text("detail")).as(path).contains("JDBC event store").contains("Axon Server");
        }
    }

    @Test
    void the_health_endpoint_answers_while_axon_server_is_unreachable() {
        assertThat(new EngineClient(port, null, null).get("/actuator/health").status()).isIn(200, 503);
    }

    /** A loopback port that was free a moment ago: nothing listens there. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
