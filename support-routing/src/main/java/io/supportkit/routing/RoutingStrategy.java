package io.supportkit.routing;

import io.supportkit.internal.Require;

import java.util.function.ToIntFunction;

/**
 * How a queue picks among eligible agents. Each strategy is an ordering the router keeps indexed, so picking
 * is a walk from the front of the order, not a scan over all agents.
 *
 * <ul>
 *   <li>{@link #LONGEST_IDLE} (default): the agent whose last routing activity (became available, was assigned,
 *       finished a task) is the oldest.</li>
 *   <li>{@link #LEAST_LOADED}: fewest open tasks; ties by longest since the last assignment (Intercom's
 *       balanced mode).</li>
 *   <li>{@link #ROUND_ROBIN}: least recently assigned; never-assigned agents in the order they joined.</li>
 *   <li>{@link #MOST_SKILLED}: highest level in the task's first skill; ties by longest idle.</li>
 *   <li>{@link #custom(String, ToIntFunction)}: ascending rank computed from the agent's profile (tier,
 *       attributes); ties by longest idle.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Custom strategies compare by identity: build one and reuse it.
 *
 * <pre>{@code
 * RoutingStrategy seniorFirst = RoutingStrategy.custom("senior-first", agent -> -agent.tier());
 * }</pre>
 */
public final class RoutingStrategy {
    /** Which ordering a strategy uses; {@link #CUSTOM} for {@link #custom}. */
    public enum Kind { LONGEST_IDLE, LEAST_LOADED, ROUND_ROBIN, MOST_SKILLED, CUSTOM }

    public static final RoutingStrategy LONGEST_IDLE = new RoutingStrategy(Kind.LONGEST_IDLE, "longest-idle", null);
    public static final RoutingStrategy LEAST_LOADED = new RoutingStrategy(Kind.LEAST_LOADED, "least-loaded", null);
    public static final RoutingStrategy ROUND_ROBIN = new RoutingStrategy(Kind.ROUND_ROBIN, "round-robin", null);
    public static final RoutingStrategy MOST_SKILLED = new RoutingStrategy(Kind.MOST_SKILLED, "most-skilled", null);

    private final Kind kind;
    private final String name;
    private final ToIntFunction<AgentProfile> rank;

    private RoutingStrategy(Kind kind, String name, ToIntFunction<AgentProfile> rank) {
        this.kind = kind;
        this.name = name;
        this.rank = rank;
    }

    /**
     * Orders agents by ascending {@code rank} of their profile (lower first), then longest idle. The rank is
     * computed when the agent's profile is set, so it may only depend on the profile.
     */
    public static RoutingStrategy custom(String name, ToIntFunction<AgentProfile> rank) {
        return new RoutingStrategy(Kind.CUSTOM, Require.id(name, "name"), Require.nonNull(rank, "rank"));
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** Rank of {@code agent} for a custom strategy; 0 for the built-in ones. */
    public int rank(AgentProfile agent) {
        return rank == null ? 0 : rank.applyAsInt(agent);
    }

    @Override
    public String toString() {
        return name;
    }
}
