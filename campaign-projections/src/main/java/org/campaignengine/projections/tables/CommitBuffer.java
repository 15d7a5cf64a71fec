package org.campaignengine.projections.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Rows a handler collects across a processor's batch and writes once, as the batch commits: one list per
 * unit of work and key, handed to {@code write} in its prepare-commit phase (so in its transaction).
 *
 * <p>An event handled on its own (after its batch failed, or retried from the dead letters) runs in a unit of
 * work marked {@link #ONE_EVENT}: its rows are written when that unit commits, still inside the handler, so a
 * write that fails is that event's failure and the event can be set aside alone.
 */
public final class CommitBuffer {

    /** Resource of a unit of work that holds one event, whose buffered rows are written as it commits. */
    public static final String ONE_EVENT = CommitBuffer.class.getName() + ".oneEvent";

    private CommitBuffer() {
    }

    /** The unit of work whose commit writes what the current handler buffers. */
    public static UnitOfWork<?> unit() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("buffered rows are written inside a unit of work");
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        while (!unit.resources().containsKey(ONE_EVENT) && unit.parent().isPresent()) {
            unit = unit.parent().get();
        }
        return unit;
    }

    public static <T> List<T> pending(String key, Consumer<List<T>> write) {
        return buffer(key, ArrayList::new, write);
    }

    /**
     * The current unit of work's buffer under {@code key}: made by {@code make} the first time a handler asks, and
     * handed to {@code write} as the unit prepares its commit (so in its transaction).
     */
    public static <B> B buffer(String key, Supplier<B> make, Consumer<B> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException(key + " is written inside a unit of work");
        }
        UnitOfWork<?> unit = unit();
        return unit.getOrComputeResource(key, name -> {
            B buffer = make.get();
            unit.onPrepareCommit(u -> write.accept(buffer));
            return buffer;
        });
    }

    /**
     * Changes entry {@code id} of the map the current unit of work buffers under {@code key} ({@code make} makes
     * the entry the first time the unit names it); the map is handed to {@code write} as the unit prepares its
     * commit. Outside a unit of work the one changed entry is written at once.
     */
    public static <V> void change(String key, String id, Supplier<V> make, Consumer<V> edit,
                                  Consumer<Map<String, V>> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            V entry = make.get();
            edit.accept(entry);
            write.accept(Map.of(id, entry));
            return;
        }
        edit.accept(CommitBuffer.<Map<String, V>>buffer(key, LinkedHashMap::new, write)
                .computeIfAbsent(id, entry -> make.get()));
    }

    /** Writes what the current unit of work's map under {@code key} holds now, if it has one, and empties it. */
    public static <V> void writeNow(String key, Consumer<Map<String, V>> write) {
        CommitBuffer.<Map<String, V>>existing(key).ifPresent(entries -> {
            write.accept(entries);
            entries.clear();
        });
    }

    /** The current unit of work's buffer under {@code key}, if a handler made one; none outside a unit of work. */
    public static <B> Optional<B> existing(String key) {
        return CurrentUnitOfWork.isStarted() ? Optional.ofNullable(unit().getResource(key)) : Optional.empty();
    }
}
