package org.campaignengine.api.idempotency;

import java.time.Clock;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.campaignengine.api.EngineProperties;
import org.campaignengine.api.NodeName;
import org.campaignengine.api.eventstore.OwnEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Keys are kept for {@code campaign.idempotency.retention} (default a day, as payment APIs do) and
 * purged hourly by one node of the cluster (a db-scheduler recurring task). Claims are leased for
 * {@code campaign.idempotency.lease}; the claims this node's previous process left are released as it
 * starts, before it serves requests.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc, Clock clock, EngineProperties properties, NodeName node) {
        EngineProperties.Idempotency idempotency = properties.idempotency();
        IdempotencyStore store = new IdempotencyStore(jdbc, clock, idempotency.retention(), idempotency.lease(),
                node.name());
        int released = store.releaseDeadClaims();
        if (released > 0) {
            log.info("released {} Idempotency-Key claims left by a previous process of node {}", released,
                    store.node());
        }
        return store;
    }

    @Bean
    IdempotencyLeases idempotencyLeases(IdempotencyStore store) {
        return new IdempotencyLeases(store);
    }

    @Bean
    CommandAnswers commandAnswers() {
        return new CommandAnswers();
    }

    /**
     * Registered on the command bus by Axon. Only while the engine stores its own events: under Axon Server
     * the events are not in the database's transaction, and a key's answer is kept after the command.
     */
    @Bean
    @OwnEventStore
    MessageHandlerInterceptor<CommandMessage<?>> commitMarker(CommandAnswers answers, IdempotencyStore store,
                                                              ObjectMapper json) {
        return new CommitMarker(answers, store, json);
    }

    /** Runs after Spring Security's filter chain (order -100), so the caller is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, IdempotencyLeases leases,
                                                                ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, leases, json));
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    RecurringTask<Void> purgeIdempotencyKeys(IdempotencyStore store) {
        return Tasks.recurring("purge-idempotency-keys", FixedDelay.ofHours(1))
                .execute((instance, context) -> log.debug("purged {} expired idempotency keys", store.purgeExpired()));
    }

    /** The configured name; else host name and port; with port 0 (chosen at start) a name of this process's own. */
    static String nodeId(String configured, String port) {
        return NodeName.resolve(configured, port);
    }
}
