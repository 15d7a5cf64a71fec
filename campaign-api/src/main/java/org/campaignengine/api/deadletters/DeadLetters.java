package org.campaignengine.api.deadletters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The read models' dead letters as an operator sees them: one entry per campaign sequence (the event that
 * failed, and how many wait behind it), retried through Axon's dead-letter processor, which handles the
 * sequence's events in order with the read model's own handlers and keeps them if one fails again.
 */
@Component
class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    List<String> processors() {
        return ReadModels.NAMES.stream().filter(name -> processing.deadLetterQueue(name).isPresent()).sorted().toList();
    }

    List<DeadLetterView.Count> counts(Optional<String> processor) {
        return selected(processor).stream()
                .map(name -> new DeadLetterView.Count(name, queue(name).amountOfSequences(), queue(name).size()))
                .toList();
    }

    List<DeadLetterView> list(Optional<String> processor) {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String name : selected(processor)) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                first(sequence).ifPresent(first -> letters.add(DeadLetterView.of(name, first.getSequenceIdentifier(),
                        first, queue.sequenceSize(first.getSequenceIdentifier()))));
            }
        }
        return letters;
    }

    /** Handles the sequence's events again, in order; true if all of them were applied. */
    boolean retry(String processor, String sequenceId) {
        requireSequence(processor, sequenceId);
        return processor(processor).process(letter -> letter instanceof JdbcDeadLetter<?> jdbc
                && jdbc.getSequenceIdentifier().equals(sequenceId));
    }

    /** Retries every sequence of the processor once: the number applied in full. */
    int retryAll(String processor) {
        List<String> sequences = sequenceIds(processor);
        int applied = 0;
        for (String sequenceId : sequences) {
            if (processor(processor).process(letter -> letter instanceof JdbcDeadLetter<?> jdbc
                    && jdbc.getSequenceIdentifier().equals(sequenceId))) {
                applied++;
            }
        }
        return applied;
    }

    /** Drops the sequence's letters: its events stay out of the read model until a replay. */
    int evict(String processor, String sequenceId) {
        requireSequence(processor, sequenceId);
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceId).forEach(letters::add);
        letters.forEach(queue::evict);
        return letters.size();
    }

    long remaining(String processor, String sequenceId) {
        return queue(processor).sequenceSize(sequenceId);
    }

    private List<String> sequenceIds(String processor) {
        List<String> ids = new ArrayList<>();
        queue(processor).deadLetters().forEach(sequence -> first(sequence).ifPresent(f -> ids.add(f.getSequenceIdentifier())));
        return ids;
    }

    /** A sequence's first letter, the one that failed (the sequence's pages after it are not read). */
    private static Optional<JdbcDeadLetter<?>> first(Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        Iterator<DeadLetter<? extends EventMessage<?>>> letters = sequence.iterator();
        return letters.hasNext() ? Optional.of((JdbcDeadLetter<?>) letters.next()) : Optional.empty();
    }

    private void requireSequence(String processor, String sequenceId) {
        if (!queue(processor).contains(sequenceId)) {
            throw new UnknownDeadLetter(processor, sequenceId);
        }
    }

    private List<String> selected(Optional<String> processor) {
        processor.ifPresent(this::queue);
        return processor.map(List::of).orElseGet(this::processors);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return Optional.of(processor).filter(ReadModels.NAMES::contains).flatMap(processing::deadLetterQueue)
                .orElseThrow(() -> new UnknownDeadLetter(processor, processors()));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String name) {
        queue(name);
        return processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new UnknownDeadLetter(name, processors()));
    }
}
