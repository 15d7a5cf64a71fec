package org.campaignengine.api.config;

import org.campaignengine.domain.campaign.TimeRules;
import org.campaignengine.projections.ParkedIndexes;
import org.campaignengine.projections.statusindex.CampaignIndexProjection;
import org.campaignengine.projections.statusindex.CampaignIndexRepository;
import org.campaignengine.projections.statusindex.StatusIndexQueries;
import org.springframework.beans.factory.annotation.Qualifier;
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

    @Bean
    CampaignIndexProjection campaignIndexProjection(CampaignIndexRepository rows, TimeRules rules,
                                                    ParkedIndexes parking) {
        return new CampaignIndexProjection(rows, rules, parking);
    }

    @Bean
    StatusIndexQueries statusIndexQueries(CampaignIndexRepository rows) {
        return new StatusIndexQueries(rows);
    }
}
