package io.supportkit.core.internal;

import io.supportkit.core.event.SupportEvent;
import io.supportkit.core.spi.SupportEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Hands events to every listener, isolating each from the others' failures. */
public final class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final List<SupportEventListener> listeners;

    public EventPublisher(List<SupportEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void publish(List<? extends SupportEvent> events) {
        for (SupportEvent event : events) {
            for (SupportEventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException | LinkageError e) {
                    // A broken listener must not undo or block a change that is already stored.
                    LOG.warn("listener {} failed on {}; the engine carries on", listener, event, e);
                }
            }
        }
    }
}
