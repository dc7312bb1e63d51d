package io.supportkit.storage;

import io.supportkit.internal.Require;

/**
 * Identifies a human agent within a tenant.
 *
 * <p>Immutable value; at most {@value Require#MAX_ID_LENGTH} characters, not blank, no control characters.
 *
 * <pre>{@code AgentId id = AgentId.of("ana");}</pre>
 */
public record AgentId(String value) implements Comparable<AgentId> {
    public AgentId {
        Require.id(value, "agentId");
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public int compareTo(AgentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
