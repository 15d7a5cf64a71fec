package org.campaignengine.api.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Where each event processor stands, as this node sees it (the segments it holds): measured every
 * {@code campaign.metrics.refresh}, not at each scrape, so a scrape costs no query.
 * <ul>
 * <li>{@code campaign.processor.position{processor, segment}}: the global event position the segment has
 * handled (0 before its first event);</li>
 * <li>{@code campaign.processor.lag.events{processor}}: events stored after the lowest position of its segments
 * held here (the head's position minus that position), 0 when caught up;</li>
 * <li>{@code campaign.processor.lag.seconds{processor}}: how long ago the oldest event it has not handled was
 * stored, 0 when caught up (not measured under Axon Server, whose events are not in the engine's table);</li>
 * <li>{@code campaign.processor.segments{processor}}: segments this node holds;</li>
 * <li>{@code campaign.dead.letters{processor}} and {@code campaign.dead.letter.sequences{processor}}: events
 * set aside in the read model's dead-letter queue, and the campaigns they belong to (the database's totals,
 * the same on every node).</li>
 * </ul>
 * A processor whose segments are all held by other nodes has no lag row here: the cluster's lag is the
 * highest any node reports.
 */
final class ProcessorMetrics {

    static final String POSITION = "campaign.processor.position";
    static final String LAG_EVENTS = "campaign.processor.lag.events";
    static final String LAG_SECONDS = "campaign.processor.lag.seconds";
    static final String SEGMENTS = "campaign.processor.segments";
    static final String DEAD_LETTERS = "campaign.dead.letters";
    static final String DEAD_LETTER_SEQUENCES = "campaign.dead.letter.sequences";

    private static final Logger log = LoggerFactory.getLogger(ProcessorMetrics.class);

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> events;
    private final LongFunction<Optional<Instant>> madeAfter;
    private final Clock clock;
    private final Gauges gauges;

    /**
     * @param events    where the head is read ({@code createHeadToken}); the event store
     * @param madeAfter when the first event after a position was stored; empty when unknown or none
     */
    ProcessorMetrics(MeterRegistry registry, EventProcessingConfiguration processing, StreamableMessageSource<?> events,
                     LongFunction<Optional<Instant>> madeAfter, Clock clock) {
        this.processing = processing;
        this.events = events;
        this.madeAfter = madeAfter;
        this.clock = clock;
        this.gauges = new Gauges(registry, Map.of(
                POSITION, "The global event position a segment held by this node has handled",
                LAG_EVENTS, "Events stored after the lowest position of the processor's segments held by this node",
                LAG_SECONDS, "Age of the oldest stored event the processor has not handled (0 when caught up)",
                SEGMENTS, "Segments of the processor this node holds",
                DEAD_LETTERS, "Events set aside in the read model's dead-letter queue",
                DEAD_LETTER_SEQUENCES, "Campaigns with events set aside in the read model's dead-letter queue"));
    }

    void refresh() {
        gauges.begin();
        boolean complete = true;
        long head = position(events.createHeadToken());
        for (Map.Entry<String, org.axonframework.eventhandling.EventProcessor> entry
                : processing.eventProcessors().entrySet()) {
            String name = entry.getKey();
            Tags processor = Tags.of("processor", name);
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                gauges.set(SEGMENTS, processor, status.size());
                long lowest = Long.MAX_VALUE;
                for (Map.Entry<Integer, EventTrackerStatus> segment : status.entrySet()) {
                    OptionalLong at = segment.getValue().getCurrentPosition();
                    long position = at.isPresent() ? at.getAsLong() : 0;
                    lowest = Math.min(lowest, position);
                    gauges.set(POSITION, processor.and("segment", Integer.toString(segment.getKey())), position);
                }
                if (!status.isEmpty()) {
                    long lag = Math.max(0, head - lowest);
                    gauges.set(LAG_EVENTS, processor, lag);
                    if (lag == 0) {
                        gauges.set(LAG_SECONDS, processor, 0);
                    } else {
                        long from = lowest;
                        madeAfter.apply(from).ifPresent(made -> gauges.set(LAG_SECONDS, processor,
                                Math.max(0, Duration.between(made, clock.instant()).toMillis() / 1000.0)));
                    }
                }
            }
            try {
                processing.deadLetterQueue(name).ifPresent(queue -> {
                    gauges.set(DEAD_LETTERS, processor, queue.size());
                    gauges.set(DEAD_LETTER_SEQUENCES, processor, queue.amountOfSequences());
                });
            } catch (RuntimeException e) {
                complete = false;
                log.debug("dead letters of {} not counted this time", name, e);
            }
        }
        gauges.done(complete);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
