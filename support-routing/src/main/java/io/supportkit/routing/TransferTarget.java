package io.supportkit.routing;

import io.supportkit.internal.Require;

/**
 * Where {@link Router#transfer} sends an assigned task: a named agent, any member of a team, or a queue. The
 * task keeps its id, attributes and age (so its queue position), its transfer count grows, and the agent who
 * transferred it is not offered it again.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * router.transfer("conv-42", TransferTarget.team("payments"));
 * }</pre>
 */
public sealed interface TransferTarget {
    static TransferTarget agent(String agentId) {
        return new ToAgent(Require.id(agentId, "agentId"));
    }

    static TransferTarget team(String team) {
        return new ToTeam(Require.id(team, "team"));
    }

    static TransferTarget queue(String queueId) {
        return new ToQueue(Require.id(queueId, "queueId"));
    }

    record ToAgent(String agentId) implements TransferTarget {
    }

    record ToTeam(String team) implements TransferTarget {
    }

    record ToQueue(String queueId) implements TransferTarget {
    }
}
