package io.supportkit.time;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, for tests and for replaying a day of traffic in seconds.
 *
 * <p>Thread-safe: reads and advances are atomic. Time never goes backwards; an attempt to do so is
 * rejected with {@link InvalidInputException}.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"));
 * SupportEngine engine = SupportEngine.builder().clock(clock).build();
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class VirtualClock implements InstantSource {
    private final AtomicReference<Instant> now;

    private VirtualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public static VirtualClock at(Instant start) {
        return new VirtualClock(Require.nonNull(start, "start"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward by {@code step} (zero allowed) and returns the new time. */
    public Instant advance(Duration step) {
        Require.nonNull(step, "step");
        if (step.isNegative()) {
            throw new InvalidInputException("step must not be negative, was " + step);
        }
        return now.updateAndGet(t -> t.plus(step));
    }

    /** Moves the clock to {@code target}, which must not be before the current time. */
    public Instant set(Instant target) {
        Require.nonNull(target, "target");
        return now.updateAndGet(t -> {
            if (target.isBefore(t)) {
                throw new InvalidInputException("time must not go backwards: now " + t + ", asked " + target);
            }
            return target;
        });
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now.get() + "]";
    }
}
