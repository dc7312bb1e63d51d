package io.supportkit.core.spi;

import io.supportkit.core.event.SupportEvent;

/**
 * Receives every {@link SupportEvent} of an engine, for metrics, exports, UIs and audit.
 *
 * <h2>Threading</h2>
 * Called synchronously on the thread that made the change, after the change is stored, in the order the
 * steps happened. Events of different conversations may arrive concurrently on different threads, so
 * implementations must be thread-safe. Keep it quick; hand heavy work to your own executor.
 *
 * <h2>Isolation</h2>
 * A listener that throws is logged and skipped: the change stands, the caller sees no error, and the other
 * listeners still run.
 *
 * <pre>{@code
 * SupportEventListener audit = event -> log.info("{} at {}", event.getClass().getSimpleName(), event.at());
 * }</pre>
 */
@FunctionalInterface
public interface SupportEventListener {
    void onEvent(SupportEvent event);
}
