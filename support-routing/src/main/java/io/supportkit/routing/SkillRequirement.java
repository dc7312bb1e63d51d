package io.supportkit.routing;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Duration;

/**
 * A skill a task needs, with the minimum level (0-10). An optional requirement has a {@code dropAfter}: once
 * the task is that old, the requirement is dropped so the task can go to a wider pool (Twilio's and
 * Omni-Channel's "relax skills over time").
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * SkillRequirement.required("billing", 3);
 * SkillRequirement.optional("refunds", 5, Duration.ofSeconds(30));
 * }</pre>
 *
 * @param skill     skill id
 * @param minLevel  minimum level, 0-10
 * @param dropAfter task age after which an optional requirement no longer applies; {@code null} when required
 */
public record SkillRequirement(String skill, int minLevel, Duration dropAfter) {
    /** Highest skill level. */
    public static final int MAX_LEVEL = 10;

    public SkillRequirement {
        Require.id(skill, "skill");
        Require.between(minLevel, 0, MAX_LEVEL, "minLevel of skill '" + skill + "'");
        if (dropAfter != null && (dropAfter.isNegative() || dropAfter.isZero())) {
            throw new InvalidInputException("dropAfter of skill '" + skill + "' must be positive, was " + dropAfter);
        }
    }

    /** A skill the task always needs. */
    public static SkillRequirement required(String skill, int minLevel) {
        return new SkillRequirement(skill, minLevel, null);
    }

    /** A skill the task prefers until it is {@code dropAfter} old. */
    public static SkillRequirement optional(String skill, int minLevel, Duration dropAfter) {
        Require.nonNull(dropAfter, "dropAfter");
        return new SkillRequirement(skill, minLevel, dropAfter);
    }

    /** Whether this requirement is dropped after a while. */
    public boolean isOptional() {
        return dropAfter != null;
    }
}
