package org.campaignengine.api.readmodels.contacts;

import org.campaignengine.domain.privacy.PersonalData;
import org.campaignengine.projections.contacts.ContactsProjection;
import org.campaignengine.projections.conversations.ConversationsProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-campaign activity read models, contacts and conversations, as beans: Axon gives each its own
 * processing group (so each is replayed alone) and registers their query handlers. Kept apart from the
 * status index's configuration so each read model is wired where it is read.
 */
@Configuration(proxyBeanMethods = false)
class ConversationsConfiguration {

    @Bean
    ContactsProjection contactsProjection(JdbcTemplate jdbc, PersonalData personal) {
        return new ContactsProjection(jdbc, personal);
    }

    @Bean
    ConversationsProjection conversationsProjection(JdbcTemplate jdbc, PersonalData personal) {
        return new ConversationsProjection(jdbc, personal);
    }
}
