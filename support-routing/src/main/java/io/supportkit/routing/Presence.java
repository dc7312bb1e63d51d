package io.supportkit.routing;

/**
 * An agent's presence (R7). Only {@link #AVAILABLE} is routable: the router offers work only to available
 * agents with spare capacity on the task's channel. "With a customer / at capacity" is not a presence: it is
 * derived from the agent's load ({@link AgentStatus#atCapacity(String)}).
 *
 * <p>Going to any other presence never frees capacity: work ends when the host releases the task, not when
 * the agent's tab closes. Immutable and thread-safe.
 *
 * <pre>{@code
 * router.setPresence("ana", Presence.AWAY);
 * }</pre>
 */
public enum Presence {
    /** Ready for work: routable. */
    AVAILABLE,
    /** Signed in but not taking new work (wrap-up, back office). */
    ONLINE,
    /** Signed in but inactive (no input for a while); not routable until the agent is back. */
    IDLE,
    /** On a break or away from the desk. */
    AWAY,
    /** Signed out. */
    OFFLINE;

    /** Whether the router may give new work to an agent in this presence. */
    public boolean routable() {
        return this == AVAILABLE;
    }
}
