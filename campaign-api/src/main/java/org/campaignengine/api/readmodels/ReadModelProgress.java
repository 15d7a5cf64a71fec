package org.campaignengine.api.readmodels;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * Tells a waiting reader that a read model has committed a change to a campaign, so a read with
 * {@code minVersion} waits on the read models' progress instead of polling. Signals are raised on the
 * node whose processor committed the change; readers re-check now and then for changes made elsewhere.
 */
@Component
public class ReadModelProgress {

    private final ConcurrentMap<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /** Completes the next time a read model commits a change to this campaign on this node. */
    public CompletableFuture<Void> nextChange(String campaignId) {
        CompletableFuture<Void> next = new CompletableFuture<>();
        waiting.computeIfAbsent(campaignId, id -> new CopyOnWriteArrayList<>()).add(next);
        return next;
    }

    /** A reader that stopped waiting: its future is forgotten, so none piles up for a quiet campaign. */
    public void forget(String campaignId, CompletableFuture<Void> future) {
        waiting.computeIfPresent(campaignId, (id, futures) -> {
            futures.remove(future);
            return futures.isEmpty() ? null : futures;
        });
    }

    /** A read model committed a change to this campaign: its waiting readers look again. */
    public void changed(String campaignId) {
        List<CompletableFuture<Void>> futures = waiting.remove(campaignId);
        if (futures != null) {
            futures.forEach(f -> f.complete(null));
        }
    }

    public int waiting() {
        return waiting.values().stream().mapToInt(List::size).sum();
    }
}
