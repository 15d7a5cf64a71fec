package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What {@link CheckedCampaignRepository} relies on to store a snapshot after its command's events: Axon runs a
 * prepare-commit handler added while the phase runs after the handlers queued before it (the repository's save
 * is queued at load, the event bus's append at the first event, the snapshot during the save).
 */
class UnitOfWorkOrderTest {

    @Test
    void a_prepare_commit_handler_added_while_the_phase_runs_runs_after_those_queued_before() {
        List<String> ran = new ArrayList<>();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.onPrepareCommit(u -> {
            ran.add("save");
            u.onPrepareCommit(later -> ran.add("snapshot"));
        });
        unitOfWork.onPrepareCommit(u -> ran.add("append"));

        unitOfWork.commit();

        assertThat(ran).containsExactly("save", "append", "snapshot");
    }
}
