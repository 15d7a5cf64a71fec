package org.campaignengine.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.campaignengine.api.eventstore.AxonTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The engine's own meters, exported with every other Micrometer meter at {@code /actuator/prometheus}
 * (docs/operations.md, Metrics): commands by type and outcome, Axon's event processor meters, where each
 * processor stands and its dead letters, and the timers. Intake and login meters live with their features
 * ({@code activity}, {@code security}); HTTP requests are timed by {@link HttpRequestMetrics}; JVM and the connection pool are Spring Boot's.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    private static final List<String> AXON_PREFIXES = List.of(AxonMetricsModule.EVENT_PROCESSOR + ".", "eventStore.",
            "queryBus.", "queryUpdateEmitter.", "commandBus.");

    @Bean
    CommandMetrics engineCommandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }

    /**
     * Axon's timers publish client-side percentiles (six per series, over a sliding window of one node), which
     * cannot be added up across nodes; their count, sum and max stay. Our own latencies are histograms.
     */
    @Bean
    MeterFilter axonTimersWithoutClientPercentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return AXON_PREFIXES.stream().anyMatch(id.getName()::startsWith)
                        ? DistributionStatisticConfig.builder().percentiles().build().merge(config)
                        : config;
            }
        };
    }

    /**
     * Every request timed, from right after the request size limit (where Spring Boot's observation filter, which
     * this replaces and {@code CampaignEngineApplication} excludes, was), so 401s and 429s are counted too.
     */
    @Bean
    FilterRegistrationBean<HttpRequestMetrics> httpRequestMetrics(MeterRegistry registry) {
        FilterRegistrationBean<HttpRequestMetrics> registration = new FilterRegistrationBean<>(new HttpRequestMetrics(registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new GlobalMetricRegistry(registry);
    }

    @Bean
    MetricsConfigurerModule axonMetrics(GlobalMetricRegistry axon, CommandMetrics commands) {
        return new AxonMetricsModule(axon, commands);
    }

    @Bean
    TimerMetrics engineTimerMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock,
                              @Value("${campaign.metrics.timer-late-after:PT5S}") Duration lateAfter) {
        return new TimerMetrics(registry, jdbc, clock, lateAfter);
    }

    /** The head is the event store's; the time lag is read from the engine's own event table, when it has one. */
    @Bean
    ProcessorMetrics eventProcessorMetrics(MeterRegistry registry, EventProcessingConfiguration processing,
                                      EventStore events, ObjectProvider<AxonTables> tables, Clock clock) {
        AxonTables table = tables.getIfAvailable();
        return new ProcessorMetrics(registry, processing, events,
                position -> table == null ? Optional.empty() : table.madeAfter(position), clock);
    }

    @Bean
    Refresh metricsRefresh(ProcessorMetrics processors, TimerMetrics timers,
                           @Value("${campaign.metrics.refresh:PT5S}") Duration every) {
        return new Refresh(processors, timers, every);
    }

    /**
     * Measures the processors and the timers every {@code campaign.metrics.refresh} while the engine runs:
     * started last and stopped first, so it never reads a processor or a pool that is stopping.
     */
    static final class Refresh implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(Refresh.class);

        private final ProcessorMetrics processors;
        private final TimerMetrics timers;
        private final Duration every;
        private volatile ScheduledExecutorService executor;

        Refresh(ProcessorMetrics processors, TimerMetrics timers, Duration every) {
            this.processors = processors;
            this.timers = timers;
            this.every = every;
        }

        @Override
        public void start() {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "metrics-refresh");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }

        void refresh() {
            try {
                processors.refresh();
            } catch (RuntimeException e) {
                log.debug("event processors not measured this time", e);
            }
            try {
                timers.refresh();
            } catch (RuntimeException e) {
                log.debug("timers not measured this time", e);
            }
        }

        @Override
        public void stop() {
            ScheduledExecutorService running = executor;
            if (running != null) {
                running.shutdownNow();
                executor = null;
            }
        }

        @Override
        public boolean isRunning() {
            return executor != null;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 100;
        }
    }
}
