package org.campaignengine.domain.campaign;

import java.lang.reflect.Field;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.StubDeadlineManager;

/**
 * Moves a fixture's clock on during the given phase after timers were scheduled, which Axon's fixture
 * refuses ({@code andGivenCurrentTime} must come before any deadline). A real engine's clock moves on
 * between commands; the scenarios "activity on day 20 postpones the day-23 warning" need exactly that.
 * No timer may fall due on the way: the move is the passing of quiet time, not a test of the timers.
 */
final class GivenTime {

    private GivenTime() {
    }

    static void advanceTo(AggregateTestFixture<?> fixture, Instant to) {
        stub(fixture).advanceTimeTo(to, (scope, deadline) -> {
            throw new AssertionError("a timer fell due while the given time moved on: " + deadline.getPayload());
        });
    }

    private static StubDeadlineManager stub(AggregateTestFixture<?> fixture) {
        try {
            Field field = AggregateTestFixture.class.getDeclaredField("deadlineManager");
            field.setAccessible(true);
            return (StubDeadlineManager) field.get(fixture);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("AggregateTestFixture no longer keeps its StubDeadlineManager there", e);
        }
    }
}
