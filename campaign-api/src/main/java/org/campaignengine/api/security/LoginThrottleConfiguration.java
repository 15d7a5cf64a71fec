package org.campaignengine.api.security;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Failed-login counts are forgotten a day after a key's last failure, far beyond the longest wait,
 * by one node of the cluster each hour (a db-scheduler recurring task). A guesser who comes back
 * after a day starts again with five free tries, which is what a day of silence has earned.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottleConfiguration.class);

    @Bean
    LoginThrottle loginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new LoginThrottle(new LoginFailureStore(jdbc, new TransactionTemplate(transactions)), clock,
                Ticker.systemTicker());
    }

    /** How sign-ins' outcomes reach the throttle ({@link LoginOutcomes}). */
    @Bean
    AuthenticationEventPublisher authenticationEvents(ApplicationEventPublisher events, LoginThrottle throttle) {
        return new LoginOutcomes(new DefaultAuthenticationEventPublisher(events), throttle);
    }

    @Bean
    RecurringTask<Void> purgeLoginFailures(LoginThrottle throttle) {
        return Tasks.recurring("purge-login-failures", FixedDelay.ofHours(1))
                .execute((instance, context) -> log.debug("forgot {} failed-login keys",
                        throttle.purgeOlderThan(FORGET_AFTER)));
    }
}
