package io.supportkit.routing;

import io.supportkit.internal.Require;

import java.util.Objects;
import java.util.Set;

/**
 * The agent expression of a {@link RoutingStep} or a {@link RoutingQueue}: which agents may take the work, on
 * top of the task's skills, language and channel. Evaluated against the agent's static profile, so it must be
 * fast, side-effect free and thread-safe (it runs under the router's lock).
 *
 * <pre>{@code
 * AgentFilter seniorPayments = AgentFilter.inTeam("payments").and(AgentFilter.tierAtLeast(2));
 * }</pre>
 */
@FunctionalInterface
public interface AgentFilter {
    boolean test(AgentProfile agent);

    default AgentFilter and(AgentFilter other) {
        Require.nonNull(other, "other");
        return a -> test(a) && other.test(a);
    }

    default AgentFilter or(AgentFilter other) {
        Require.nonNull(other, "other");
        return a -> test(a) || other.test(a);
    }

    default AgentFilter negate() {
        return a -> !test(a);
    }

    /** Every agent; steps with this filter add no condition. */
    static AgentFilter any() {
        return AnyAgent.INSTANCE;
    }

    static AgentFilter inTeam(String team) {
        Require.id(team, "team");
        return a -> a.teams().contains(team);
    }

    static AgentFilter tierAtLeast(int tier) {
        return a -> a.tier() >= tier;
    }

    static AgentFilter tierAtMost(int tier) {
        return a -> a.tier() <= tier;
    }

    static AgentFilter location(String location) {
        Require.id(location, "location");
        return a -> a.location().equals(location);
    }

    static AgentFilter skillAtLeast(String skill, int level) {
        Require.id(skill, "skill");
        return a -> a.skillLevel(skill) >= level;
    }

    static AgentFilter attribute(String key, String value) {
        Require.id(key, "key");
        Require.nonNull(value, "value");
        return a -> Objects.equals(a.attributes().get(key), value);
    }

    static AgentFilter agents(Set<String> agentIds) {
        Set<String> ids = Set.copyOf(Require.noNullElements(agentIds, "agentIds"));
        return a -> ids.contains(a.id());
    }

    /** Marker for {@link #any()} so the router can skip evaluating it. */
    enum AnyAgent implements AgentFilter {
        INSTANCE;

        @Override
        public boolean test(AgentProfile agent) {
            return true;
        }
    }
}
