package io.supportkit.routing;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;

import java.time.Duration;

/**
 * One step of a {@link RoutingRule}: a target queue, an agent expression, and a timeout measured against the
 * task's age. While the task is younger than the timeout it waits in this step; then it overflows to the next
 * step, and past the last step to the rule's {@link Fallback}. A step without timeout holds the task until an
 * agent takes it.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RoutingStep first = RoutingStep.to("billing").agents(AgentFilter.tierAtLeast(2)).timeout(Duration.ofSeconds(30));
 * RoutingStep then = RoutingStep.to("billing");
 * }</pre>
 *
 * @param queueId target queue
 * @param agents  agent expression on top of the task's requirements
 * @param timeout task age at which the step gives up; {@code null} for none
 */
public record RoutingStep(String queueId, AgentFilter agents, Duration timeout) {
    public RoutingStep {
        Require.id(queueId, "queueId");
        Require.nonNull(agents, "agents");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new ConfigurationException("timeout of the step to '" + queueId + "' must be positive, was " + timeout);
        }
    }

    /** A step to {@code queueId} with any agent and no timeout. */
    public static RoutingStep to(String queueId) {
        return new RoutingStep(queueId, AgentFilter.any(), null);
    }

    public RoutingStep agents(AgentFilter filter) {
        return new RoutingStep(queueId, filter, timeout);
    }

    public RoutingStep timeout(Duration age) {
        return new RoutingStep(queueId, agents, Require.nonNull(age, "timeout"));
    }
}
