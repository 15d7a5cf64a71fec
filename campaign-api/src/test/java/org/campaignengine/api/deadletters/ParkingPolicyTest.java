package org.campaignengine.api.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

class ParkingPolicyTest {

    private final FailedBatches failed = new FailedBatches();
    private final ParkingPolicy policy = new ParkingPolicy(failed);
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("an event");

    @Test
    void a_failure_in_a_batch_fails_the_batch_instead_of_setting_the_event_aside() {
        IllegalStateException cause = new IllegalStateException("handler bug");
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("campaign-1", event, cause), cause))
                .isInstanceOf(ParkingPolicy.BatchFailed.class).hasCause(cause);
    }

    @Test
    void an_event_of_a_failed_batch_that_fails_again_on_its_own_is_set_aside_with_one_attempt() throws Exception {
        failBatchOf(event);
        IllegalStateException cause = new IllegalStateException("handler bug");
        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>("campaign-1", event, cause),
                cause);
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().extracting(Throwable::getMessage).isEqualTo("handler bug");
        assertThat(ParkingPolicy.attempts(decision.withDiagnostics(new GenericDeadLetter<>("campaign-1", event))
                .diagnostics())).isEqualTo(1);
    }

    @Test
    void a_database_that_cannot_be_reached_or_locked_never_sets_an_event_aside() throws Exception {
        failBatchOf(event);
        CannotAcquireLockException cause = new CannotAcquireLockException("lock timeout");
        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("campaign-1", event, cause), cause))
                .isInstanceOf(ParkingPolicy.BatchFailed.class);
    }

    @Test
    void a_retried_letter_that_fails_again_stays_with_one_more_attempt() {
        JdbcDeadLetter<EventMessage<?>> letter = new JdbcDeadLetter<>("letter-1", 0, "campaign-1", Instant.EPOCH,
                Instant.EPOCH, new ThrowableCause("java.lang.IllegalStateException", "first"),
                MetaData.with(ParkingPolicy.ATTEMPTS, 2), event);
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, new IllegalStateException("again"));
        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(ParkingPolicy.attempts(decision.withDiagnostics(letter).diagnostics())).isEqualTo(3);
    }

    private void failBatchOf(EventMessage<?> message) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(message));
        InterceptorChain failing = () -> {
            throw new IllegalStateException("the batch fails");
        };
        batch.executeWithResult(() -> failed.handle(batch, failing));
        assertThat(failed.failedBefore(message)).isTrue();
    }
}
