package io.supportkit.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything the router does, as typed events for {@link io.supportkit.routing.spi.RoutingListener}s (R11).
 * Each carries the router's clock time and a sequence number that orders all events of one router.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RoutingListener listener = new RoutingListener() {
 *     public void onEvent(RoutingEvent e) {
 *         if (e instanceof RoutingEvent.TaskTransferred t) { metrics.transfers().increment(); }
 *     }
 * };
 * }</pre>
 */
public sealed interface RoutingEvent {
    Instant at();

    /** Orders the events of one router: strictly increasing in the order the changes were made. */
    long sequence();

    /** An event about one task; every event but presence changes is one. */
    sealed interface TaskEvent extends RoutingEvent {
        String taskId();
    }

    record TaskQueued(Instant at, long sequence, String taskId, String queueId, String rule, int step)
            implements TaskEvent {
    }

    record TaskOffered(Instant at, long sequence, String taskId, String agentId, String queueId, Instant expiresAt)
            implements TaskEvent {
    }

    record OfferAccepted(Instant at, long sequence, String taskId, String agentId) implements TaskEvent {
    }

    record OfferRejected(Instant at, long sequence, String taskId, String agentId) implements TaskEvent {
    }

    record OfferExpired(Instant at, long sequence, String taskId, String agentId) implements TaskEvent {
    }

    /** The agent has the task: directly, or after accepting an offer. {@code waited} is since the task's creation. */
    record TaskAssigned(Instant at, long sequence, String taskId, String agentId, String queueId, Duration waited)
            implements TaskEvent {
    }

    record TaskOverflowed(Instant at, long sequence, String taskId, String fromQueueId, int fromStep, String toQueueId,
                          int toStep) implements TaskEvent {
    }

    record TaskTransferred(Instant at, long sequence, String taskId, String fromAgentId, TransferTarget target,
                           int transfers) implements TaskEvent {
    }

    /** The work ended and the agent's capacity is free again. */
    record TaskReleased(Instant at, long sequence, String taskId, String agentId, Duration handled)
            implements TaskEvent {
    }

    record TaskFellBack(Instant at, long sequence, String taskId, Fallback fallback) implements TaskEvent {
    }

    /** The task left the router before being served (the customer abandoned, or the host withdrew it). */
    record TaskCancelled(Instant at, long sequence, String taskId, TaskPhase phase) implements TaskEvent {
    }

    record PresenceChanged(Instant at, long sequence, String agentId, Presence from, Presence to)
            implements RoutingEvent {
    }
}
