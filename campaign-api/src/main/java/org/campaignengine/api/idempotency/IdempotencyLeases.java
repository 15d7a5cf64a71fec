package org.campaignengine.api.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims whose requests run on this node, their leases renewed every third of a lease, so a long
 * request keeps its key and a claim outlives its node by at most one lease. A failed renewal is logged and
 * tried again at the next turn (the scheduler would stop at an exception).
 */
class IdempotencyLeases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyLeases.class);

    private final IdempotencyStore store;
    private final Duration every;
    private final Set<Claim> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "idempotency-leases");
        thread.setDaemon(true);
        return thread;
    });

    IdempotencyLeases(IdempotencyStore store) {
        this.store = store;
        this.every = Duration.ofMillis(Math.max(store.lease().toMillis() / 3, 10));
        renewer.scheduleWithFixedDelay(this::renew, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void hold(Claim claim) {
        running.add(claim);
    }

    void drop(Claim claim) {
        running.remove(claim);
    }

    void renew() {
        List<Claim> claims = List.copyOf(running);
        if (claims.isEmpty()) {
            return;
        }
        try {
            store.renew(claims);
        } catch (RuntimeException e) {
            log.warn("could not renew {} Idempotency-Key leases (retried in {}): {}", claims.size(), every,
                    e.toString());
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
