package io.supportkit.routing;

import java.time.Duration;

/**
 * A live snapshot of one queue, for dashboards and for the estimated wait in first responses (R1).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * QueueStats s = router.queueStats("billing");
 * Duration eta = s.estimatedWait();
 * }</pre>
 *
 * @param queueId           the queue
 * @param waiting           tasks waiting
 * @param offered           tasks offered and not yet accepted
 * @param assigned          tasks assigned and not yet released
 * @param oldestWait        age of the oldest waiting task, zero when none waits
 * @param availableAgents   members who are available with at least one spare unit on some channel
 * @param staffedAgents     members who are available (with or without spare capacity)
 * @param averageWait       moving average of waits until assignment, zero before the first
 * @param averageHandle     moving average of assignment-to-release time, zero before the first
 * @param estimatedWait     estimate for a task joining now: zero when a member has room and nobody waits,
 *                          otherwise (waiting + 1) x averageHandle / max(1, staffedAgents), or averageWait when
 *                          no handle time is known yet
 * @param assignedTotal     tasks ever assigned from this queue
 * @param overflowedOut     tasks that left this queue for a later step
 * @param fellBack          tasks that went to a ticket or callback from this queue
 */
public record QueueStats(String queueId, int waiting, int offered, int assigned, Duration oldestWait,
                         int availableAgents, int staffedAgents, Duration averageWait, Duration averageHandle,
                         Duration estimatedWait, long assignedTotal, long overflowedOut, long fellBack) {
}
