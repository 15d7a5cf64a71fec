package org.campaignengine.api.metrics;

import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * What Axon's {@code MessageCountingMonitor} counts for one event processor, the same five meters
 * ({@code <prefix>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter}, {@code .processedCounter},
 * {@code .ignoredCounter}) with the same tags, registered once: Axon's looks the five up in the registry for
 * every event a processor is handed, whose tags here never change.
 */
final class ProcessorCounts implements MessageMonitor<Message<?>> {

    private final Counter ingested;
    private final MonitorCallback callback;

    ProcessorCounts(MeterRegistry registry, String prefix, Tags tags) {
        this.ingested = registry.counter(prefix + ".ingestedCounter", tags);
        Counter success = registry.counter(prefix + ".successCounter", tags);
        Counter failure = registry.counter(prefix + ".failureCounter", tags);
        Counter processed = registry.counter(prefix + ".processedCounter", tags);
        Counter ignored = registry.counter(prefix + ".ignoredCounter", tags);
        this.callback = new MonitorCallback() {
            @Override
            public void reportSuccess() {
                processed.increment();
                success.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                processed.increment();
                failure.increment();
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        ingested.increment();
        return callback;
    }
}
