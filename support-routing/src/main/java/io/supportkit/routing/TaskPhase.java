package io.supportkit.routing;

/**
 * Where a task is in its routing life. Immutable and thread-safe.
 *
 * <pre>{@code
 * router.task("conv-42").map(TaskStatus::phase);  // Optional[WAITING]
 * }</pre>
 */
public enum TaskPhase {
    /** In a queue, waiting for an eligible agent. */
    WAITING,
    /** Offered to an agent, capacity reserved, waiting for accept. */
    OFFERED,
    /** An agent works on it. */
    ASSIGNED
}
