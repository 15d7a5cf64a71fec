package org.campaignengine.projections.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The states a batch of activity touches, loaded at once before the batch is applied, and what the
 * batch changed: new keys are inserted and known ones updated afterwards, each row written once.
 */
final class KeyedStates<S> {

    private final Map<String, S> loaded;
    private final Map<String, S> changed = new LinkedHashMap<>();

    KeyedStates(Map<String, S> loaded) {
        this.loaded = Map.copyOf(loaded);
    }

    /** The state now, or null for a key neither stored nor seen in this batch. */
    S get(String key) {
        S state = changed.get(key);
        return state != null ? state : loaded.get(key);
    }

    void put(String key, S state) {
        changed.put(key, state);
    }

    Map<String, S> inserts() {
        Map<String, S> inserts = new LinkedHashMap<>(changed);
        inserts.keySet().removeAll(loaded.keySet());
        return inserts;
    }

    Map<String, S> updates() {
        Map<String, S> updates = new LinkedHashMap<>(changed);
        updates.keySet().retainAll(loaded.keySet());
        return updates;
    }
}
