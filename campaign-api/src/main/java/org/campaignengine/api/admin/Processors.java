package org.campaignengine.api.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.campaignengine.api.NodeName;
import org.campaignengine.api.eventstore.AxonTables;
import org.campaignengine.api.eventstore.AxonTables.SegmentClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event processors of this node and their segments, as the token store (shared by every node) and Axon's
 * own status of the segments this node runs tell them; and the operator's moves of a segment: split, merge,
 * release. A split or merge is done by the node that holds the segment (and, for a merge, its sibling); a
 * release lets this node's claim go, so that another node takes the segment at its next claim.
 */
@Component
class Processors {

    private static final Logger log = LoggerFactory.getLogger(Processors.class);
    private static final Duration CHANGE_WAIT = Duration.ofSeconds(15);

    private final EventProcessingConfiguration processing;
    private final AxonTables tables;
    private final Serializer serializer;
    private final EventStore events;
    private final NodeName node;
    private final long maxLag;

    Processors(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer, EventStore events,
               NodeName node, @Value("${campaign.health.max-read-model-lag:1000}") long maxLag) {
        this.processing = processing;
        this.tables = new AxonTables(jdbc);
        this.serializer = serializer;
        this.events = events;
        this.node = node;
        this.maxLag = maxLag;
    }

    /** The streaming processors, by name. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        return names.stream().sorted().toList();
    }

    List<ProcessorStatus> all() {
        long head = head();
        return names().stream().map(name -> status(name, processor(name).orElseThrow(), head)).toList();
    }

    /** The read models (the processors that may be replayed), without their dead letters: what readiness needs. */
    List<ProcessorStatus> readModels() {
        long head = head();
        return names().stream().map(name -> processor(name).orElseThrow()).filter(StreamingEventProcessor::supportsReset)
                .map(p -> ProcessorStatus.of(p.getName(), node.name(), p.isRunning(), head,
                        tables.segments(p.getName(), serializer), p.processingStatus(), null, null, maxLag))
                .toList();
    }

    Optional<ProcessorStatus> status(String name) {
        return processor(name).map(p -> status(name, p, head()));
    }

    /** The position of the newest stored event, -1 when none is; from Axon's event store, whichever it is. */
    long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }

    private ProcessorStatus status(String name, StreamingEventProcessor processor, long head) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> letters = processing.deadLetterQueue(name);
        return ProcessorStatus.of(name, node.name(), processor.isRunning(), head, tables.segments(name, serializer),
                processor.processingStatus(), letters.map(SequencedDeadLetterQueue::size).orElse(null),
                letters.map(SequencedDeadLetterQueue::amountOfSequences).orElse(null), maxLag);
    }

    /** Splits the segment in two; this node must be able to claim it. Answers the processor afterwards. */
    SegmentChange split(String name, int segment) {
        StreamingEventProcessor processor = require(name);
        SegmentClaim claim = requireMovable(name, processor, segment, "split");
        log.info("split of segment {} of {} requested on node {}", segment, name, node);
        await(name, segment, "split", claim, processor.splitSegment(segment));
        return changed(name, segment, "split", processor);
    }

    /** Merges the segment with its sibling; this node must be able to claim both. */
    SegmentChange merge(String name, int segment) {
        StreamingEventProcessor processor = require(name);
        SegmentClaim claim = requireMovable(name, processor, segment, "merge");
        int[] ids = tables.segments(name, serializer).stream().mapToInt(SegmentClaim::segment).toArray();
        Segment shape = Segment.computeSegment(segment, ids);
        int sibling = shape.mergeableSegmentId();
        if (ids.length < 2 || sibling == segment) {
            throw new SegmentRefused(name, segment, "merge", "the processor has one segment: nothing to merge with",
                    null);
        }
        tables.segments(name, serializer).stream().filter(c -> c.segment() == sibling).findFirst()
                .filter(c -> c.owner() != null && !node.name().equals(c.owner()))
                .ifPresent(c -> {
                    throw new SegmentRefused(name, segment, "merge", "its sibling, segment " + sibling
                            + ", is held by node " + c.owner() + ": release it there first", c.owner());
                });
        log.info("merge of segment {} of {} (with {}) requested on node {}", segment, name, sibling, node);
        await(name, segment, "merge", claim, processor.mergeSegment(segment));
        return changed(name, segment, "merge", processor);
    }

    /**
     * Releases this node's claim on the segment; it does not claim it again for a while (twice the processor's
     * claim interval), so another node running the processor takes it.
     */
    SegmentChange release(String name, int segment) {
        StreamingEventProcessor processor = require(name);
        SegmentClaim claim = requireSegment(name, segment);
        if (!processor.processingStatus().containsKey(segment)) {
            throw new SegmentRefused(name, segment, "release", claim.owner() == null
                    ? "no node holds it" : "node " + claim.owner() + " holds it, not this node (" + node
                    + "): release it there", claim.owner());
        }
        log.info("release of segment {} of {} requested on node {}", segment, name, node);
        processor.releaseSegment(segment);
        long deadline = System.nanoTime() + CHANGE_WAIT.toNanos();
        // the segment leaves the processor's status first; its stored claim is given up after, by the work
        // package as it stops: answer once both say this node no longer holds it
        while ((processor.processingStatus().containsKey(segment)
                || node.name().equals(requireSegment(name, segment).owner())) && System.nanoTime() < deadline) {
            pause();
        }
        return changed(name, segment, "release", processor);
    }

    private SegmentChange changed(String name, int segment, String operation, StreamingEventProcessor processor) {
        return new SegmentChange(name, segment, operation, status(name, processor, head()));
    }

    private SegmentClaim requireMovable(String name, StreamingEventProcessor processor, int segment, String operation) {
        SegmentClaim claim = requireSegment(name, segment);
        if (!processor.isRunning()) {
            throw new SegmentRefused(name, segment, operation, "the processor is not running on this node (" + node
                    + ")", claim.owner());
        }
        if (claim.owner() != null && !node.name().equals(claim.owner())
                && !processor.processingStatus().containsKey(segment)) {
            throw new SegmentRefused(name, segment, operation, "node " + claim.owner()
                    + " holds it: call this on that node, or release it there first", claim.owner());
        }
        return claim;
    }

    private void await(String name, int segment, String operation, SegmentClaim claim, CompletableFuture<Boolean> done) {
        try {
            if (!Boolean.TRUE.equals(done.get(CHANGE_WAIT.toMillis(), TimeUnit.MILLISECONDS))) {
                throw new SegmentRefused(name, segment, operation, "Axon refused: this node could not claim "
                        + "what the " + operation + " needs", claim.owner());
            }
        } catch (TimeoutException e) {
            throw new SegmentRefused(name, segment, operation, "not done within " + CHANGE_WAIT.toSeconds() + " s",
                    claim.owner());
        } catch (ExecutionException e) {
            throw new SegmentRefused(name, segment, operation, "Axon refused: " + e.getCause().getMessage(),
                    claim.owner());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SegmentRefused(name, segment, operation, "interrupted", claim.owner());
        }
    }

    private SegmentClaim requireSegment(String name, int segment) {
        List<SegmentClaim> claims = tables.segments(name, serializer);
        return claims.stream().filter(c -> c.segment() == segment).findFirst()
                .orElseThrow(() -> new UnknownSegment(name, segment, claims.stream().map(SegmentClaim::segment).toList()));
    }

    private StreamingEventProcessor require(String name) {
        return processor(name).orElseThrow(() -> new UnknownProcessor(name, names()));
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
