package io.supportkit.core.timer;

import java.time.Instant;

/**
 * A handle to one scheduled timer of a {@link TimerWheel}: cancel it, or ask whether it is still pending.
 *
 * <p>Thread-safe: any thread may cancel. Cancelling is O(1) and frees the timer at once (nothing stays in the wheel
 * until its deadline, unlike wheels that only mark cancelled entries).
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
