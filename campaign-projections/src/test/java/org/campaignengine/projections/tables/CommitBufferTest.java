package org.campaignengine.projections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class CommitBufferTest {

    private final List<List<String>> written = new ArrayList<>();
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

    @Test
    void rows_buffered_in_a_batch_are_written_once_when_the_batch_commits() {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(event);
        buffer("a");
        UnitOfWork<EventMessage<?>> handler = DefaultUnitOfWork.startAndGet(event);
        buffer("b");
        handler.commit();
        assertThat(written).as("a nested unit that is not one event's does not write").isEmpty();
        batch.commit();
        assertThat(written).containsExactly(List.of("a", "b"));
    }

    @Test
    void rows_of_an_event_handled_on_its_own_are_written_when_its_unit_commits_and_not_with_the_batch() {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(event);
        buffer("batch");
        UnitOfWork<EventMessage<?>> alone = DefaultUnitOfWork.startAndGet(event);
        alone.resources().put(CommitBuffer.ONE_EVENT, Boolean.TRUE);
        buffer("alone");
        assertThat(CommitBuffer.unit()).isSameAs(alone);
        alone.commit();
        assertThat(written).containsExactly(List.of("alone"));
        batch.commit();
        assertThat(written).containsExactly(List.of("alone"), List.of("batch"));
    }

    @Test
    void rows_of_an_event_whose_unit_rolls_back_are_never_written() {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(event);
        UnitOfWork<EventMessage<?>> alone = DefaultUnitOfWork.startAndGet(event);
        alone.resources().put(CommitBuffer.ONE_EVENT, Boolean.TRUE);
        buffer("failed");
        alone.rollback(new IllegalStateException("the handler failed"));
        batch.commit();
        assertThat(written).isEmpty();
    }

    @Test
    void changes_to_one_entry_in_a_batch_merge_and_are_written_as_it_commits_or_when_written_now() {
        List<Map<String, List<String>>> entries = new ArrayList<>();
        Consumer<Map<String, List<String>>> write = map -> entries.add(Map.copyOf(map));
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(event);
        CommitBuffer.<List<String>>change("entries", "c-1", ArrayList::new, e -> e.add("created"), write);
        CommitBuffer.<List<String>>change("entries", "c-1", ArrayList::new, e -> e.add("paused"), write);
        CommitBuffer.writeNow("entries", write);
        CommitBuffer.<List<String>>change("entries", "c-2", ArrayList::new, e -> e.add("created"), write);
        assertThat(entries).containsExactly(Map.of("c-1", List.of("created", "paused")));
        batch.commit();
        assertThat(entries).containsExactly(Map.of("c-1", List.of("created", "paused")),
                Map.of("c-2", List.of("created")));
    }

    @Test
    void a_change_outside_a_unit_of_work_is_written_at_once() {
        List<Map<String, List<String>>> entries = new ArrayList<>();
        CommitBuffer.<List<String>>change("entries", "c-1", ArrayList::new, e -> e.add("created"),
                map -> entries.add(Map.copyOf(map)));
        assertThat(entries).containsExactly(Map.of("c-1", List.of("created")));
    }

    private void buffer(String row) {
        CommitBuffer.<String>pending("rows", rows -> written.add(List.copyOf(rows))).add(row);
    }
}
