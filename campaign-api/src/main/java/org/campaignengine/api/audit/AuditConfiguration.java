package org.campaignengine.api.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.campaignengine.api.eventstore.AxonTables;
import org.campaignengine.api.eventstore.OwnEventStore;
import org.campaignengine.api.privacy.SealStoredContacts;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.audit.AuditTrail;
import org.campaignengine.projections.audit.AuditTrailProjection;
import org.campaignengine.projections.audit.EventPositions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What auditors read: the audit trail read model (its own processing group, replayable), and a
 * campaign's history, past state and export, read from the event store.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditTrailProjection auditTrailProjection(JdbcTemplate jdbc, EventPositions positions) {
        return new AuditTrailProjection(jdbc, positions);
    }

    /** Each event's own position: looked up in the engine's event table, whose gap-aware tokens do not give it. */
    @Bean
    @OwnEventStore
    EventPositions storedEventPositions(AxonTables axonTables) {
        return new StoredEventPositions(axonTables);
    }

    @Bean
    @OwnEventStore
    AxonTables axonTables(JdbcTemplate jdbc) {
        return new AxonTables(jdbc);
    }

    /** Axon Server numbers its events without gaps, so its tokens give each event's own position. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
    EventPositions tokenPositions() {
        return EventPositions.fromTokens();
    }

    @Bean
    AuditTrail auditTrail(JdbcTemplate jdbc) {
        return new AuditTrail(jdbc);
    }

    @Bean
    CampaignHistory campaignHistory(EventStore events, @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                                    TimeRules rules) {
        return new CampaignHistory(events, json, rules);
    }

    /**
     * Seals the clear names and phones of events stored before sealing, as Flyway's migration 14.2. It and
     * migration 15 stay under Axon Server too, so Flyway's history is the same in every profile: there
     * the event table Flyway made stays empty, and both find nothing to rewrite.
     */
    @Bean
    SealStoredContacts sealStoredContacts() {
        return new SealStoredContacts();
    }

    /** Links the events stored before the chain existed, as Flyway's migration 15. */
    @Bean
    LinkStoredEvents linkStoredEvents() {
        return new LinkStoredEvents();
    }

    /** The hash chain's anchors follow the engine's own event table; Axon Server keeps its events elsewhere. */
    @Bean
    @OwnEventStore
    ChainAnchors chainAnchors(JdbcTemplate jdbc, EventPositions positions) {
        return new ChainAnchors(jdbc, positions);
    }

    @Bean
    @OwnEventStore
    ChainVerifier chainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, Serializer tokens) {
        return new ChainVerifier(jdbc, transactions, tokens);
    }

    @Bean
    @OwnEventStore
    StoredBatches tableBatches(AxonTables axonTables, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new TableBatches(axonTables, eventSerializer);
    }

    /** Under Axon Server, the export reads each activity batch through the {@code EventStore} API. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
    StoredBatches streamedBatches(EventStore events) {
        return new StreamedBatches(events);
    }

    @Bean
    CampaignExport campaignExport(CampaignHistory history, AuditTrail trail, StoredBatches batches,
                                  @Qualifier("defaultAxonObjectMapper") ObjectMapper json, PersonalData personal) {
        return new CampaignExport(history, trail, batches, json, personal);
    }
}
