package io.supportkit.core.sla;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an SLA target measures. Semantics follow Zendesk's SLA metrics; the statuses in which each clock runs by
 * default are given by {@link #defaultRunningStatuses()} and can be changed per policy.
 *
 * <ul>
 *   <li>{@link #FIRST_RESPONSE}: creation to the first public agent reply.</li>
 *   <li>{@link #NEXT_RESPONSE}: the oldest unanswered customer message (after the first reply) to the next public
 *       agent reply; starts again with the next customer message.</li>
 *   <li>{@link #PERIODIC_UPDATE}: from one public agent reply to the next, in every status until solved.</li>
 *   <li>{@link #PAUSABLE_UPDATE}: like periodic update, but paused while waiting on the customer.</li>
 *   <li>{@link #REQUESTER_WAIT}: time in new, open and on-hold, cumulative across reopenings.</li>
 *   <li>{@link #AGENT_WORK}: time in new and open only, cumulative.</li>
 *   <li>{@link #TOTAL_RESOLUTION}: creation to solved, cumulative across reopenings, never paused by default.</li>
 * </ul>
 */
public enum SlaMetric {
    FIRST_RESPONSE(EnumSet.of(SlaStatus.NEW, SlaStatus.OPEN, SlaStatus.ON_HOLD)),
    NEXT_RESPONSE(EnumSet.of(SlaStatus.NEW, SlaStatus.OPEN, SlaStatus.ON_HOLD)),
    PERIODIC_UPDATE(EnumSet.of(SlaStatus.NEW, SlaStatus.OPEN, SlaStatus.PENDING, SlaStatus.ON_HOLD)),
    PAUSABLE_UPDATE(EnumSet.of(SlaStatus.NEW, SlaStatus.OPEN, SlaStatus.ON_HOLD)),
    REQUESTER_WAIT(EnumSet.of(SlaStatus.NEW, SlaStatus.OPEN, SlaStatus.ON_HOLD)),
    AGENT_WORK(EnumSet.of(SlaStatus.NEW, SlaStatus.OPEN)),
    TOTAL_RESOLUTION(EnumSet.of(SlaStatus.NEW, SlaStatus.OPEN, SlaStatus.PENDING, SlaStatus.ON_HOLD));

    private final Set<SlaStatus> running;

    SlaMetric(EnumSet<SlaStatus> running) {
        this.running = java.util.Collections.unmodifiableSet(running);
    }

    /** Statuses in which the clock runs unless a policy says otherwise; in the others it is paused. */
    public Set<SlaStatus> defaultRunningStatuses() {
        return running;
    }

    /** True for the metrics measured per reply cycle rather than once per subject. */
    public boolean isCyclic() {
        return this == NEXT_RESPONSE || this == PERIODIC_UPDATE || this == PAUSABLE_UPDATE;
    }

    /** True for metrics that keep their elapsed time when a solved subject is reopened. */
    public boolean isCumulative() {
        return this == REQUESTER_WAIT || this == AGENT_WORK || this == TOTAL_RESOLUTION;
    }
}
