package io.supportkit.core.timer;

import java.time.Instant;

/**
 * A handle to one scheduled timer of a {@link TimerWheel}: cancel it, or ask whether it is still pending.
 *
 * <p>Thread-safe: any thread may cancel. Cancelling is O(1): the timer stops being pending at once; its entry, and
 * the reference to its task, is reclaimed lazily (when its slot is processed or at the wheel's next compaction, see
 * {@link TimerWheel}). A handle is a small object around the wheel's {@code long} timer id;
 * callers that hold many timers use the id directly ({@link TimerWheel#scheduleTimer},
 * {@link TimerWheel#cancelTimer}) and allocate nothing.
 *
 * <pre>{@code
 * Timeout offer = wheel.schedule(clock.instant().plusSeconds(30), () -> offerTimedOut(agent));
 * if (accepted) {
 *     offer.cancel();
 * }
 * }</pre>
 */
public interface Timeout {
    /** Cancels the timer; true if it was pending, false if it had already fired or been cancelled. */
    boolean cancel();

    /** True while the timer neither fired nor was cancelled. */
    boolean isPending();

    /** The deadline the timer was scheduled for; it fires at the first {@link TimerWheel#advance()} at or after it. */
    Instant deadline();
}
