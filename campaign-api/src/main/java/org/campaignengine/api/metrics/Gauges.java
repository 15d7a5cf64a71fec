package org.campaignengine.api.metrics;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges whose rows come and go (a segment this node claims, a processor, a timer's task): each refresh
 * sets the values it measured, and the rows it did not measure this time are removed, so a segment another
 * node took over is not reported twice.
 */
final class Gauges {

    private record Row(String name, Tags tags) {
    }

    private static final class Value {
        private volatile double value;
    }

    private final MeterRegistry registry;
    private final Map<Row, Value> values = new ConcurrentHashMap<>();
    private final Map<Row, Gauge> gauges = new ConcurrentHashMap<>();
    private final Map<String, String> descriptions;
    private Set<Row> measured = new HashSet<>();

    Gauges(MeterRegistry registry, Map<String, String> descriptions) {
        this.registry = registry;
        this.descriptions = Map.copyOf(descriptions);
    }

    /** Starts a refresh: what is not set again before {@link #done()} is removed. */
    synchronized void begin() {
        measured = new HashSet<>();
    }

    synchronized void set(String name, Tags tags, double value) {
        Row row = new Row(name, tags);
        measured.add(row);
        Value holder = values.computeIfAbsent(row, r -> new Value());
        holder.value = value;
        gauges.computeIfAbsent(row, r -> Gauge.builder(name, holder, v -> v.value)
                .description(descriptions.getOrDefault(name, name)).tags(tags).strongReference(true)
                .register(registry));
    }

    /** Keeps the rows measured since {@link #begin()} (all of them if {@code complete} is false). */
    synchronized void done(boolean complete) {
        if (!complete) {
            return;
        }
        for (Row row : Set.copyOf(gauges.keySet())) {
            if (!measured.contains(row)) {
                registry.remove(gauges.remove(row));
                values.remove(row);
            }
        }
    }
}
