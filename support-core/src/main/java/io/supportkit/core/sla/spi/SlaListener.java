package io.supportkit.core.sla.spi;

import io.supportkit.core.sla.SlaEvent;

/**
 * Receives SLA events (applied, warning, breached, fulfilled, paused, resumed, reassign requested).
 *
 * <p>Threading: called on the thread that fed the input ({@code SlaTracker.on}) or advanced the timer wheel,
 * after the tracker released its locks, in the order the events happened for one subject. Must not block for
 * long. A listener that throws is logged and the other listeners still run; the tracker is unaffected.
 *
 * <pre>{@code
 * SlaListener log = event -> LOG.info("SLA {}", event);
 * }</pre>
 */
@FunctionalInterface
public interface SlaListener {
    void onEvent(SlaEvent event);
}
