package io.supportkit.routing;

/**
 * One candidate in an {@link Explanation}: the agent and the filter that removed them, or {@code null}
 * when they were eligible. Immutable and thread-safe.
 *
 * <pre>{@code
 * decision.explanation().considered().forEach(v -> log(v.agentId() + ": " + v.rejection()));
 * }</pre>
 *
 * @param agentId   the agent
 * @param rejection why they could not take the task; {@code null} when eligible
 * @param detail    human-readable detail (the missing skill, the spare units)
 */
public record CandidateVerdict(String agentId, Rejection rejection, String detail) {
    public boolean eligible() {
        return rejection == null;
    }
}
