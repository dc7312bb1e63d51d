package io.supportkit.routing;

import java.time.Instant;

/**
 * The result of routing one task at one moment: assigned or offered to an agent, queued, or sent to the
 * fallback, with where (queue, rule, step) and why ({@link #explanation()}).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RoutingDecision d = router.submit(task);
 * switch (d.outcome()) {
 *     case ASSIGNED -> notifyAgent(d.agentId(), d.taskId());
 *     case OFFERED -> ringAgent(d.agentId(), d.offerExpiresAt());
 *     case QUEUED -> sendEstimatedWait(router.queueStats(d.queueId()).estimatedWait());
 *     case FELL_BACK -> openTicket(d.taskId());
 * }
 * }</pre>
 *
 * @param outcome        what happened
 * @param taskId         the task
 * @param agentId        the agent for ASSIGNED and OFFERED, otherwise {@code null}
 * @param queueId        the queue of the step, or {@code null} after a ticket or callback fallback
 * @param rule           the rule that matched
 * @param step           the step index in the rule (0-based)
 * @param at             when, by the router's clock
 * @param offerExpiresAt when an offer lapses, otherwise {@code null}
 * @param fallback       the fallback taken for FELL_BACK, otherwise {@code null}
 * @param explanation    why
 */
public record RoutingDecision(Outcome outcome, String taskId, String agentId, String queueId, String rule, int step,
                              Instant at, Instant offerExpiresAt, Fallback fallback, Explanation explanation) {
    /** What a decision did. */
    public enum Outcome {
        /** The agent has the task (direct assignment). */
        ASSIGNED,
        /** The agent is offered the task and must accept before {@link #offerExpiresAt()}; capacity is reserved. */
        OFFERED,
        /** No eligible agent now; the task waits in {@link #queueId()}. */
        QUEUED,
        /** Past the last step: the task went to the fallback. */
        FELL_BACK
    }
}
