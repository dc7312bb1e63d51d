package io.supportkit.routing;

/**
 * Router-wide counters (R11). Immutable and thread-safe.
 *
 * <pre>{@code
 * double transferRate = router.stats().transferRate();
 * }</pre>
 *
 * @param agents          agents known
 * @param availableAgents available agents with at least one spare unit
 * @param waiting         tasks waiting
 * @param offered         tasks offered
 * @param assigned        tasks assigned
 * @param submitted       tasks ever submitted
 * @param assignedTotal   assignments ever made (a task assigned twice after a transfer counts twice)
 * @param transfers       transfers ever made
 * @param fellBack        tasks ever sent to a ticket or callback
 */
public record RouterStats(int agents, int availableAgents, int waiting, int offered, int assigned, long submitted,
                          long assignedTotal, long transfers, long fellBack) {
    /** Transfers per submitted task, 0 before the first task. */
    public double transferRate() {
        return submitted == 0 ? 0.0 : (double) transfers / submitted;
    }
}
