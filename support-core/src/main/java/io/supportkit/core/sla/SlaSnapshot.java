package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.internal.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of every SLA clock of one subject at one instant, for agent screens and reports.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * tracker.snapshot("conv-42").ifPresent(s -> s.metric(SlaMetric.FIRST_RESPONSE)
 *         .flatMap(SlaSnapshot.MetricState::dueAt).ifPresent(due -> show(due)));
 * }</pre>
 *
 * @param subjectId the subject
 * @param policyId the applied policy, or null when none matched
 * @param priority current priority
 * @param status current status
 * @param at when the snapshot was taken
 * @param metrics one entry per metric that has a target or has run
 */
public record SlaSnapshot(String subjectId, String policyId, Priority priority, SlaStatus status, Instant at,
                          List<MetricState> metrics) {
    public SlaSnapshot {
        metrics = List.copyOf(Require.noNullElements(Require.nonNull(metrics, "metrics"), "metrics"));
    }

    public Optional<MetricState> metric(SlaMetric metric) {
        return metrics.stream().filter(m -> m.metric() == metric).findFirst();
    }

    /** Where a metric's clock stands. */
    public enum ClockState {
        /** Not started yet (for example next response before any customer message). */
        IDLE,
        RUNNING,
        PAUSED,
        /** The cycle ended (reply given or subject solved). */
        STOPPED
    }

    /**
     * One metric's clock.
     *
     * @param metric the metric
     * @param target the target, or null when the policy sets none (the clock still measures)
     * @param state where the clock stands
     * @param elapsed time counted in the current cycle (business time for a business target)
     * @param due when the target will be breached if the clock keeps running; null if not running or no target
     * @param breached whether the current cycle breached its target
     */
    public record MetricState(SlaMetric metric, SlaTarget target, ClockState state, Duration elapsed, Instant due,
                              boolean breached) {
        public Optional<Instant> dueAt() {
            return Optional.ofNullable(due);
        }

        public Optional<SlaTarget> targetIfAny() {
            return Optional.ofNullable(target);
        }
    }
}
