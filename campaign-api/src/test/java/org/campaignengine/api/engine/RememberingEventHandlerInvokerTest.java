package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.Test;

class RememberingEventHandlerInvokerTest {

    /** Two groups, as a processor with a replayable read model and a part that is never replayed would have. */
    private final List<String> handled = new ArrayList<>();
    private final Counting replayable = new Counting(group(new Replayable()));
    private final Counting neverReplayed = new Counting(group(new NeverReplayed()));

    @Test
    void an_event_whose_type_no_handler_declares_is_refused_without_asking_any_group() {
        RememberingEventHandlerInvoker invoker = remembering();
        for (int i = 0; i < 3; i++) {
            assertThat(invoker.canHandle(GenericEventMessage.asEventMessage(42L), Segment.ROOT_SEGMENT)).isFalse();
        }
        assertThat(replayable.canHandle.get() + neverReplayed.canHandle.get()).isZero();
    }

    @Test
    void whether_a_group_supports_a_reset_is_asked_once_whatever_the_events() {
        RememberingEventHandlerInvoker invoker = remembering();
        int asked = replayable.supportsReset.get() + neverReplayed.supportsReset.get();
        for (EventMessage<?> event : events()) {
            invoker.canHandle(event, Segment.ROOT_SEGMENT);
        }
        assertThat(replayable.supportsReset.get() + neverReplayed.supportsReset.get()).isEqualTo(asked).isEqualTo(2);
        assertThat(invoker.supportsReset()).isTrue();
    }

    /**
     * Every event, on each half of the segments, live and replayed: the same answers and the same handlers invoked as
     * Axon's own invoker of the same groups.
     */
    @Test
    void answers_and_invokes_as_axons_invoker_of_the_same_groups() throws Exception {
        EventHandlerInvoker axons = new MultiEventHandlerInvoker(replayable, neverReplayed);
        EventHandlerInvoker remembering = remembering();
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (EventMessage<?> event : events()) {
            for (Segment half : halves) {
                assertThat(remembering.canHandle(event, half)).as(event.getPayload() + " in " + half)
                        .isEqualTo(axons.canHandle(event, half));
                handled.clear();
                axons.handle(event, half);
                expected.addAll(handled);
                handled.clear();
                remembering.handle(event, half);
                actual.addAll(handled);
            }
        }
        assertThat(actual).isEqualTo(expected).contains("replayable: a", "never replayed: a", "replayable: b")
                .doesNotContain("never replayed: b");
        assertThat(remembering.canHandleType(String.class)).isTrue();
        assertThat(remembering.canHandleType(Long.class)).isFalse();
    }

    /**
     * Live domain events of two campaigns and a replayed one, an event outside any stream (which the handler asking
     * for a sequence number does not take) and one of a type no handler declares.
     */
    private static List<EventMessage<?>> events() {
        EventMessage<?> live = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1),
                new GenericDomainEventMessage<>("Campaign", "campaign-1", 0, "a"));
        EventMessage<?> other = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(2),
                new GenericDomainEventMessage<>("Campaign", "campaign-2", 0, "a"));
        EventMessage<?> replayed = new GenericTrackedEventMessage<>(
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(2)),
                new GenericDomainEventMessage<>("Campaign", "campaign-1", 1, "b"));
        EventMessage<?> outsideStreams = GenericEventMessage.asEventMessage(7);
        return List.of(live, other, replayed, outsideStreams, GenericEventMessage.asEventMessage(42L));
    }

    private RememberingEventHandlerInvoker remembering() {
        return RememberingEventHandlerInvoker.of(new MultiEventHandlerInvoker(replayable, neverReplayed));
    }

    private static SimpleEventHandlerInvoker group(Object handler) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(handler)
                .sequencingPolicy(SequentialPerAggregatePolicy.instance()).build();
    }

    private class Replayable {
        @EventHandler
        void on(String event) {
            handled.add("replayable: " + event);
        }

        @EventHandler
        void on(Integer event, @SequenceNumber long sequence) {
            handled.add("replayable: " + event + " at " + sequence);
        }
    }

    @DisallowReplay
    private class NeverReplayed {
        @EventHandler
        void on(String event) {
            handled.add("never replayed: " + event);
        }
    }

    /** A group of handlers that counts the questions it is asked. */
    private static final class Counting implements EventHandlerInvoker {
        private final EventHandlerInvoker group;
        private final AtomicInteger canHandle = new AtomicInteger();
        private final AtomicInteger supportsReset = new AtomicInteger();

        Counting(EventHandlerInvoker group) {
            this.group = group;
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            canHandle.incrementAndGet();
            return group.canHandle(eventMessage, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return group.canHandleType(payloadType);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) throws Exception {
            group.handle(message, segment);
        }

        @Override
        public boolean supportsReset() {
            supportsReset.incrementAndGet();
            return group.supportsReset();
        }
    }
}
