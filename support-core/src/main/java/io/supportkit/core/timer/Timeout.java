package io.supportkit.core.timer;

import java.time.Instant;

/**
 * A handle to one scheduled timer of a {@link TimerWheel}: cancel it, or ask whether it is still pending.
 *
 * <p>Thread-safe: any thread may cancel. Cancelling is O(1): the timer stops being pending at once and its entry
 * is freed within the next 64 cancels or at the next advance (nothing stays in the wheel until its deadline, unlike
 * wheels that only mark cancelled entries). A handle is a small object around the wheel's {@code long} timer id;
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
