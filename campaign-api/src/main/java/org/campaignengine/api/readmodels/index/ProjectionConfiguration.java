package org.campaignengine.api.readmodels.index;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.projections.statusindex.CampaignIndexProjection;
import org.campaignengine.projections.statusindex.CampaignIndexRepository;
import org.campaignengine.projections.statusindex.LongCatchUp;
import org.campaignengine.projections.statusindex.StatusIndexQueries;
import org.campaignengine.projections.tables.ParkedIndexes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean
    CampaignIndexRepository campaignIndexRepository(JdbcTemplate jdbc,
                                                    @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        return new CampaignIndexRepository(jdbc, json);
    }

    @Bean
    ParkedIndexes parkedIndexes(JdbcTemplate jdbc) {
        return new ParkedIndexes(jdbc);
    }

    /**
     * A first build of the status index from at least this many stored events parks its sort indexes
     * (PostgreSQL), as a replay does; a shorter history keeps them.
     */
    @Bean
    CampaignIndexProjection campaignIndexProjection(CampaignIndexRepository rows, TimeRules rules,
                                                    ParkedIndexes parking, ObjectProvider<EventStore> events,
                                                    @Value("${campaign.processing.catch-up-parking:${campaign.processing.first-build-parking:100000}}")
                                                    long backlog) {
        LongCatchUp catchUp = new LongCatchUp(() -> events.getObject().createHeadToken().position().orElse(0),
                backlog);
        return new CampaignIndexProjection(rows, rules, parking, catchUp);
    }

    @Bean
    StatusIndexQueries statusIndexQueries(CampaignIndexRepository rows) {
        return new StatusIndexQueries(rows);
    }
}
