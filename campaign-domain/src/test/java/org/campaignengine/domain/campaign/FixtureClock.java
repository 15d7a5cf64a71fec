package org.campaignengine.domain.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The clock handlers get in tests: the fixture's simulated time, so {@code whenTimeElapses} and
 * {@code andGivenCurrentTime} move it. {@link #runLate} makes it read later than the deadline that is
 * firing, as when the engine was down and catches up on its timers.
 */
public final class FixtureClock extends Clock {

    private Supplier<Instant> time = () -> {
        throw new IllegalStateException("the clock follows no fixture yet");
    };
    private Duration late = Duration.ZERO;

    void follow(Supplier<Instant> fixtureTime) {
        this.time = fixtureTime;
    }

    public FixtureClock runLate(Duration by) {
        this.late = by;
        return this;
    }

    @Override
    public Instant instant() {
        return time.get().plus(late);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the domain reads instants only");
    }
}
