package org.campaignengine.api.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code readModels} health, in the readiness group: OUT_OF_SERVICE while any read model (a processor that
 * may be replayed) is further behind the head of the event store than {@code campaign.health.max-read-model-lag}
 * events, so a node that has just started on a long backlog, or whose read model stopped or replays, takes no
 * traffic until it has caught up. The lag is the token store's, shared by the nodes: a read model one node
 * holds back holds back every node's reads. Measured once a second in the background, so a probe never waits
 * for the database (whose own check says when it is away); a measure that failed, or none for 10 s, is UNKNOWN;
 * before the first measure it is OUT_OF_SERVICE.
 * A negative bound turns the check off.
 */
@Component("readModelsHealthIndicator")
class ReadModelLag implements HealthIndicator, DisposableBean {

    private static final Duration STALE = Duration.ofSeconds(10);

    private final Processors processors;
    private final long maxLag;
    private final ScheduledExecutorService measures = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-lag");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Health last;
    private volatile long measuredAt;

    ReadModelLag(Processors processors, @Value("${campaign.health.max-read-model-lag:1000}") long maxLag) {
        this.processors = processors;
        this.maxLag = maxLag;
        if (maxLag >= 0) {
            measures.scheduleWithFixedDelay(this::measure, 0, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public Health health() {
        if (maxLag < 0) {
            return Health.up().withDetail("maxLag", "off").build();
        }
        Health health = last;
        if (health == null) {
            return Health.outOfService().withDetail("maxLag", maxLag).withDetail("readModels", "not measured yet")
                    .build();
        }
        if (System.nanoTime() - measuredAt > STALE.toNanos()) {
            return Health.unknown().withDetail("error", "no measure in " + STALE.toSeconds() + " s").build();
        }
        return health;
    }

    private void measure() {
        Health health;
        try {
            Map<String, Object> lags = new LinkedHashMap<>();
            boolean behind = false;
            for (ProcessorStatus status : processors.readModels()) {
                lags.put(status.name(), Map.of("lag", status.lag(), "state", status.state().name()));
                behind |= status.lag() > maxLag;
            }
            health = (behind ? Health.outOfService() : Health.up()).withDetail("maxLag", maxLag)
                    .withDetail("readModels", lags).build();
        } catch (RuntimeException e) {
            health = Health.unknown().withDetail("error", "lag not measured: " + e.getClass().getSimpleName()).build();
        }
        measuredAt = System.nanoTime();
        last = health;
    }

    @Override
    public void destroy() {
        measures.shutdownNow();
    }
}
