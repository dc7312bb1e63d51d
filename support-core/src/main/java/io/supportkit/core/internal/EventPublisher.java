package io.supportkit.core.internal;

import io.supportkit.core.event.SupportEvent;
import io.supportkit.core.spi.SupportEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Hands events to every listener, isolating each from the others' failures.
 *
 * <p>An event published while another is being dispatched on the same thread (an SLA notice caused by the
 * step a listener is hearing about) waits until the current event has reached every listener, so all
 * listeners see events in the same, causal order.
 */
public final class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final List<SupportEventListener> listeners;
    private final ThreadLocal<ArrayDeque<SupportEvent>> pending = ThreadLocal.withInitial(ArrayDeque::new);
    private final ThreadLocal<boolean[]> dispatching = ThreadLocal.withInitial(() -> new boolean[1]);

    public EventPublisher(List<SupportEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void publish(List<? extends SupportEvent> events) {
        ArrayDeque<SupportEvent> queue = pending.get();
        queue.addAll(events);
        boolean[] busy = dispatching.get();
        if (busy[0]) {
            return; // the outer dispatch loop below, further up this thread's stack, delivers them in turn
        }
        busy[0] = true;
        try {
            SupportEvent event;
            while ((event = queue.poll()) != null) {
                dispatch(event);
            }
        } finally {
            busy[0] = false;
        }
    }

    private void dispatch(SupportEvent event) {
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
