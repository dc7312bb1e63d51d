package io.supportkit.routing;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A routing rule: when a task matches {@link #when()}, it goes through {@link #steps()} in order. Rules are
 * evaluated top to bottom and the first match wins. Step timeouts must grow strictly, because each is an age.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RoutingRule vip = RoutingRule.builder("vip")
 *         .when(TaskCondition.customerTier("gold"))
 *         .step(RoutingStep.to("vip").timeout(Duration.ofSeconds(20)))
 *         .step(RoutingStep.to("general").timeout(Duration.ofMinutes(5)))
 *         .fallback(Fallback.callback())
 *         .build();
 * }</pre>
 *
 * @param name     rule name (shown in decisions)
 * @param when     condition on the task
 * @param steps    ordered steps, at least one
 * @param fallback where the task goes past the last step; {@code null} uses the router's default fallback
 */
public record RoutingRule(String name, TaskCondition when, List<RoutingStep> steps, Fallback fallback) {
    public RoutingRule {
        Require.id(name, "rule name");
        Require.nonNull(when, "when of rule '" + name + "'");
        steps = List.copyOf(Require.noNullElements(steps, "steps of rule '" + name + "'"));
        if (steps.isEmpty()) {
            throw new ConfigurationException("rule '" + name + "' has no steps");
        }
        Duration previous = Duration.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            Duration t = steps.get(i).timeout();
            if (t == null && i < steps.size() - 1) {
                throw new ConfigurationException("step " + i + " of rule '" + name
                        + "' has no timeout but is not the last step, so later steps would never run");
            }
            if (t != null && t.compareTo(previous) <= 0) {
                throw new ConfigurationException("step timeouts of rule '" + name + "' must grow (they are task ages): step "
                        + i + " has " + t + " after " + previous);
            }
            if (t != null) {
                previous = t;
            }
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Whether the last step has a timeout, so the fallback can apply. */
    public boolean canFallBack() {
        return steps.get(steps.size() - 1).timeout() != null;
    }

    /** Builds a {@link RoutingRule}; validated at {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private TaskCondition when = TaskCondition.always();
        private final List<RoutingStep> steps = new ArrayList<>();
        private Fallback fallback;

        private Builder(String name) {
            this.name = name;
        }

        public Builder when(TaskCondition condition) {
            this.when = condition;
            return this;
        }

        public Builder step(RoutingStep step) {
            steps.add(Require.nonNull(step, "step"));
            return this;
        }

        public Builder fallback(Fallback fallback) {
            this.fallback = Require.nonNull(fallback, "fallback");
            return this;
        }

        public RoutingRule build() {
            return new RoutingRule(name, when, steps, fallback);
        }
    }
}
