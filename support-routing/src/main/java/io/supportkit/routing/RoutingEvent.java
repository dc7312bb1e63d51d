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

    record TaskQueued(Instant at, long sequence, String taskId, String queueId, String rule, int step)
            implements RoutingEvent {
    }

    record TaskOffered(Instant at, long sequence, String taskId, String agentId, String queueId, Instant expiresAt)
            implements RoutingEvent {
    }

    record OfferAccepted(Instant at, long sequence, String taskId, String agentId) implements RoutingEvent {
    }

    record OfferRejected(Instant at, long sequence, String taskId, String agentId) implements RoutingEvent {
    }

    record OfferExpired(Instant at, long sequence, String taskId, String agentId) implements RoutingEvent {
    }

    /** The agent has the task: directly, or after accepting an offer. {@code waited} is since the task's creation. */
    record TaskAssigned(Instant at, long sequence, String taskId, String agentId, String queueId, Duration waited)
            implements RoutingEvent {
    }

    record TaskOverflowed(Instant at, long sequence, String taskId, String fromQueueId, int fromStep, String toQueueId,
                          int toStep) implements RoutingEvent {
    }

    record TaskTransferred(Instant at, long sequence, String taskId, String fromAgentId, TransferTarget target,
                           int transfers) implements RoutingEvent {
    }

    /** The work ended and the agent's capacity is free again. */
    record TaskReleased(Instant at, long sequence, String taskId, String agentId, Duration handled)
            implements RoutingEvent {
    }

    record TaskFellBack(Instant at, long sequence, String taskId, Fallback fallback) implements RoutingEvent {
    }

    /** The task left the router before being served (the customer abandoned, or the host withdrew it). */
    record TaskCancelled(Instant at, long sequence, String taskId, TaskPhase phase) implements RoutingEvent {
    }

    record PresenceChanged(Instant at, long sequence, String agentId, Presence from, Presence to)
            implements RoutingEvent {
    }
}
