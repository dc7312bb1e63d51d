package io.supportkit.routing.spi;

import io.supportkit.routing.RoutingEvent;

/**
 * Receives {@link RoutingEvent}s. Register on {@link io.supportkit.routing.Router.Builder#listener}.
 *
 * <p><b>Threading:</b> called on a host thread that called the router (submit, release, tick, ...), normally
 * the one whose call caused the event, after the router's lock is released, so a listener may call back into the
 * router. Each call delivers the events pending at its end in order; when host threads race, batches may be
 * delivered by different threads at the same time, and {@link RoutingEvent#sequence()} restores the global order. A listener must not block for long: the calling thread waits for it. A listener that
 * throws is logged and skipped; it never breaks routing or other listeners.
 *
 * <pre>{@code
 * Router router = Router.builder().clock(clock).listener(event -> log.info("{}", event)).build();
 * }</pre>
 */
@FunctionalInterface
public interface RoutingListener {
    void onEvent(RoutingEvent event);
}
