package org.campaignengine.api.readmodels.calendar;

import org.campaignengine.projections.statusindex.CampaignIndexRepository;
import org.campaignengine.projections.statusindex.ScheduledCalendarQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled calendar's query handler. It reads the status index's rows (no read model of its own),
 * so it is replayed, and always as current as, the status index.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    ScheduledCalendarQueries scheduledCalendarQueries(CampaignIndexRepository rows) {
        return new ScheduledCalendarQueries(rows);
    }
}
