package io.supportkit.core.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * What the SLA clocks report to {@link io.supportkit.core.sla.spi.SlaListener}s. Each event is stamped with the
 * instant it happened on the engine clock: a breach carries the exact breach instant even when the wheel noticed
 * it a tick later or an input caught it up.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * SlaListener listener = event -> {
 *     if (event instanceof SlaEvent.Breached b) {
 *         metrics.increment("sla.breached", b.metric().name());
 *     }
 * };
 * }</pre>
 */
public sealed interface SlaEvent {
    String subjectId();

    String policyId();

    Instant at();

    /** Events about one metric's clock. */
    sealed interface MetricEvent extends SlaEvent {
        SlaMetric metric();

        SlaTarget target();

        /** Time counted against the target so far, in the target's basis. */
        Duration elapsed();
    }

    /**
     * A target was applied to a metric's clock: at the start of a cycle, or after the policy or priority changed.
     *
     * @param dueAt when the target will be breached if the clock keeps running; null while paused
     */
    record Applied(String subjectId, String policyId, SlaMetric metric, SlaTarget target, Duration elapsed,
                   Instant at, Instant dueAt) implements MetricEvent {
    }

    /** A warning threshold was reached; {@code remaining} is the target minus the elapsed time. */
    record Warning(String subjectId, String policyId, SlaMetric metric, SlaTarget target, Duration elapsed,
                   Instant at, Duration remaining) implements MetricEvent {
    }

    /** The target was breached; the clock keeps running until it is fulfilled. */
    record Breached(String subjectId, String policyId, SlaMetric metric, SlaTarget target, Duration elapsed,
                    Instant at) implements MetricEvent {
    }

    /** The metric's cycle ended (a reply, or the subject was solved); {@code breached} if it ended late. */
    record Fulfilled(String subjectId, String policyId, SlaMetric metric, SlaTarget target, Duration elapsed,
                     Instant at, boolean breached) implements MetricEvent {
    }

    /** The clock paused because of the subject's status. */
    record Paused(String subjectId, String policyId, SlaMetric metric, SlaTarget target, Duration elapsed,
                  Instant at, SlaStatus status) implements MetricEvent {
    }

    /** The clock resumed because of the subject's status. */
    record Resumed(String subjectId, String policyId, SlaMetric metric, SlaTarget target, Duration elapsed,
                   Instant at, SlaStatus status) implements MetricEvent {
    }

    /**
     * The assigned agent did not reply within the policy's reassign time; the subject is handed back to routing.
     *
     * @param agentId the agent who did not answer
     * @param waited how long the customer had waited for that agent
     */
    record ReassignRequested(String subjectId, String policyId, String agentId, Duration waited, Instant at)
            implements SlaEvent {
    }
}
