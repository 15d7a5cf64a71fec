package org.campaignengine.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ProcessorCountsTest {

    private static final Tags STATUS_INDEX = Tags.of("processorName", "status-index");

    @Test
    void a_processors_counts_are_the_meters_axons_counting_monitor_keeps_with_the_same_counts() {
        MeterRegistry ours = new SimpleMeterRegistry();
        MeterRegistry axons = new SimpleMeterRegistry();
        feed(new ProcessorCounts(ours, "eventProcessor", STATUS_INDEX));
        feed(MessageCountingMonitor.buildMonitor("eventProcessor", axons, message -> STATUS_INDEX));

        assertThat(counts(ours)).isEqualTo(counts(axons)).containsEntry(
                "eventProcessor.ingestedCounter[tag(processorName=status-index)]", 6.0)
                .containsEntry("eventProcessor.successCounter[tag(processorName=status-index)]", 3.0)
                .containsEntry("eventProcessor.failureCounter[tag(processorName=status-index)]", 1.0)
                .containsEntry("eventProcessor.processedCounter[tag(processorName=status-index)]", 4.0)
                .containsEntry("eventProcessor.ignoredCounter[tag(processorName=status-index)]", 2.0);
    }

    /** Six events: three handled, one failed, two ignored. */
    private static void feed(MessageMonitor<Message<?>> monitor) {
        for (int i = 0; i < 6; i++) {
            MessageMonitor.MonitorCallback callback =
                    monitor.onMessageIngested(GenericEventMessage.asEventMessage("event " + i));
            if (i < 3) {
                callback.reportSuccess();
            } else if (i == 3) {
                callback.reportFailure(new IllegalStateException("refused"));
            } else {
                callback.reportIgnored();
            }
        }
    }

    private static Map<String, Double> counts(MeterRegistry registry) {
        Map<String, Double> counts = new TreeMap<>();
        registry.getMeters().forEach(meter -> counts.put(meter.getId().getName() + meter.getId().getTags(),
                ((Counter) meter).count()));
        return counts;
    }
}
