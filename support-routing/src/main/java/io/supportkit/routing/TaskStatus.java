package io.supportkit.routing;

import java.time.Instant;
import java.util.Set;

/**
 * A snapshot of one task inside the router. Immutable and thread-safe.
 *
 * <pre>{@code
 * router.task("conv-42").ifPresent(s -> log(s.phase() + " in " + s.queueId()));
 * }</pre>
 *
 * @param task       the task as submitted
 * @param phase      waiting, offered or assigned
 * @param agentId    the agent for OFFERED and ASSIGNED, otherwise {@code null}
 * @param queueId    the current step's queue
 * @param rule       the rule (or {@code transfer} / {@code fallback})
 * @param step       the step index
 * @param createdAt  the task's original age
 * @param transfers  how often it was transferred
 * @param excluded   agents who declined, let an offer expire or transferred it away
 */
public record TaskStatus(Task task, TaskPhase phase, String agentId, String queueId, String rule, int step,
                         Instant createdAt, int transfers, Set<String> excluded) {
    public TaskStatus {
        excluded = Set.copyOf(excluded);
    }
}
