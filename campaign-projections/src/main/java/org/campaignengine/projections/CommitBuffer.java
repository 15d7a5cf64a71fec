package org.campaignengine.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Rows a handler collects across a processor's batch and writes once, as the batch commits: one list per
 * unit of work and key, handed to {@code write} in its prepare-commit phase (so in its transaction).
 */
public final class CommitBuffer {

    private CommitBuffer() {
    }

    public static <T> List<T> pending(String key, Consumer<List<T>> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException(key + " is written inside a unit of work");
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        return unit.getOrComputeResource(key, name -> {
            List<T> rows = new ArrayList<>();
            unit.onPrepareCommit(u -> write.accept(rows));
            return rows;
        });
    }
}
