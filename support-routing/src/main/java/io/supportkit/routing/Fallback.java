package io.supportkit.routing;

import io.supportkit.internal.Require;

/**
 * Where a task goes when it outlives the last step of its rule: a ticket (the host opens one), a callback
 * offer to the customer, or a default queue where it waits without timeout (R5: a human is always reachable).
 * For tickets and callbacks the router drops the task and says so in a {@link RoutingEvent.TaskFellBack} event
 * and in the returned {@link RoutingDecision}; the host acts on it.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Fallback.ticket();  Fallback.callback();  Fallback.queue("general");
 * }</pre>
 */
public sealed interface Fallback {
    static Fallback ticket() {
        return Ticket.INSTANCE;
    }

    static Fallback callback() {
        return Callback.INSTANCE;
    }

    static Fallback queue(String queueId) {
        return new Queue(Require.id(queueId, "queueId"));
    }

    /** The host should open a ticket for the task. */
    enum Ticket implements Fallback { INSTANCE }

    /** The host should offer the customer a callback. */
    enum Callback implements Fallback { INSTANCE }

    /** The task moves to {@code queueId} and waits there without timeout. */
    record Queue(String queueId) implements Fallback {
    }
}
