package io.supportkit.core.timer.spi;

/**
 * Runs durable timers of one kind when they fall due. Implemented by the host or the engine and registered per
 * kind on {@link io.supportkit.core.timer.DurableTimers.Builder#handler}.
 *
 * <p>Threading: called on the thread that advances the {@link io.supportkit.core.timer.TimerWheel}; keep it short
 * and hand slow work to an executor. A handler that throws is logged and the timer is retried later with backoff,
 * so handlers must be idempotent (delivery is at least once across restarts).
 *
 * <pre>{@code
 * TimerHandler sendSurvey = timer -> surveys.send(timer.payload());
 * }</pre>
 */
@FunctionalInterface
public interface TimerHandler {
    void onTimer(TimerRecord timer);
}
