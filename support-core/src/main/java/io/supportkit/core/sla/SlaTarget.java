package io.supportkit.core.sla;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Duration;

/**
 * A target for one metric: at most {@code duration}, counted in calendar or business time.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * new SlaTarget(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), TimeBasis.BUSINESS);
 * }</pre>
 *
 * @param metric what is measured
 * @param duration the target, positive, at most 3650 days
 * @param basis calendar time or the policy calendar's business time
 */
public record SlaTarget(SlaMetric metric, Duration duration, TimeBasis basis) {
    /**
     * The longest target, and (in {@link SlaPolicy.Builder}) the longest warning lead and reassign time: ten years
     * is far beyond any service level, and keeps every deadline the tracker computes inside the supported range.
     */
    static final Duration MAX_DURATION = Duration.ofDays(3650);

    public SlaTarget {
        Require.nonNull(metric, "metric");
        Require.nonNull(duration, "duration");
        Require.nonNull(basis, "basis");
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidInputException("target for " + metric + " must be positive, was " + duration);
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidInputException("target for " + metric + " must be at most 3650 days, was " + duration);
        }
    }
}
