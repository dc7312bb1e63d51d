package io.supportkit.routing;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;

import java.time.Duration;

/**
 * A queue that routing steps target: its agent-selection strategy, whether assignments are offers with an
 * accept timeout or direct, which agents are members, and how priority ages so nothing starves.
 *
 * <p>Waiting tasks are ordered by effective priority, then age (oldest first). The effective priority is the
 * task's priority plus one for every {@code agingStep} of age, up to {@code maxAgingBoost}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RoutingQueue billing = RoutingQueue.builder("billing")
 *         .strategy(RoutingStrategy.LEAST_LOADED)
 *         .offerTimeout(Duration.ofSeconds(20))
 *         .priorityAging(Duration.ofMinutes(2), 5)
 *         .build();
 * }</pre>
 *
 * @param id            queue id
 * @param strategy      how an agent is picked
 * @param offerTimeout  accept timeout of an offer; {@code null} for direct assignment
 * @param members       which agents belong to the queue ({@link AgentFilter#any()} for all)
 * @param agingStep     age that adds one to the effective priority; {@code null} for no aging
 * @param maxAgingBoost the most aging may add
 */
public record RoutingQueue(String id, RoutingStrategy strategy, Duration offerTimeout, AgentFilter members,
                           Duration agingStep, int maxAgingBoost) {
    public RoutingQueue {
        Require.id(id, "queueId");
        Require.nonNull(strategy, "strategy of queue '" + id + "'");
        Require.nonNull(members, "members of queue '" + id + "'");
        if (offerTimeout != null && (offerTimeout.isNegative() || offerTimeout.isZero())) {
            throw new ConfigurationException("offerTimeout of queue '" + id + "' must be positive, was " + offerTimeout);
        }
        if (agingStep != null && (agingStep.isNegative() || agingStep.isZero())) {
            throw new ConfigurationException("agingStep of queue '" + id + "' must be positive, was " + agingStep);
        }
        if (maxAgingBoost < 0 || maxAgingBoost > Task.MAX_PRIORITY) {
            throw new ConfigurationException("maxAgingBoost of queue '" + id + "' must be between 0 and "
                    + Task.MAX_PRIORITY + ", was " + maxAgingBoost);
        }
    }

    /** A queue with the defaults: longest idle, direct assignment, all agents, no aging. */
    public static RoutingQueue of(String id) {
        return builder(id).build();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link RoutingQueue}; validated at {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private RoutingStrategy strategy = RoutingStrategy.LONGEST_IDLE;
        private Duration offerTimeout;
        private AgentFilter members = AgentFilter.any();
        private Duration agingStep;
        private int maxAgingBoost;

        private Builder(String id) {
            this.id = id;
        }

        public Builder strategy(RoutingStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /** Assign through offers the agent must accept within {@code timeout}. */
        public Builder offerTimeout(Duration timeout) {
            this.offerTimeout = Require.nonNull(timeout, "offerTimeout");
            return this;
        }

        public Builder members(AgentFilter members) {
            this.members = members;
            return this;
        }

        /** Raise the effective priority by one every {@code step} of age, by at most {@code maxBoost}. */
        public Builder priorityAging(Duration step, int maxBoost) {
            this.agingStep = Require.nonNull(step, "agingStep");
            this.maxAgingBoost = maxBoost;
            return this;
        }

        public RoutingQueue build() {
            return new RoutingQueue(id, strategy, offerTimeout, members, agingStep, maxAgingBoost);
        }
    }
}
