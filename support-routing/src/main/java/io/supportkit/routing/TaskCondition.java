package io.supportkit.routing;

import io.supportkit.internal.Require;

import java.util.Objects;

/**
 * The "when" of a {@link RoutingRule}: a predicate over a task's attributes. Implementations must be fast,
 * side-effect free and thread-safe; they run under the router's lock.
 *
 * <pre>{@code
 * TaskCondition vipBilling = TaskCondition.customerTier("gold").and(TaskCondition.intent("billing"));
 * TaskCondition angry = TaskCondition.sentimentBelow(-0.5);
 * }</pre>
 */
@FunctionalInterface
public interface TaskCondition {
    boolean matches(Task task);

    default TaskCondition and(TaskCondition other) {
        Require.nonNull(other, "other");
        return t -> matches(t) && other.matches(t);
    }

    default TaskCondition or(TaskCondition other) {
        Require.nonNull(other, "other");
        return t -> matches(t) || other.matches(t);
    }

    default TaskCondition negate() {
        return t -> !matches(t);
    }

    static TaskCondition always() {
        return t -> true;
    }

    static TaskCondition channel(String channel) {
        Require.id(channel, "channel");
        return t -> t.channel().equals(channel);
    }

    static TaskCondition language(String tag) {
        String primary = AgentProfile.primaryLanguage(tag);
        return t -> primary.equals(t.language());
    }

    static TaskCondition intent(String intent) {
        Require.id(intent, "intent");
        return t -> intent.equals(t.intent());
    }

    static TaskCondition customerTier(String tier) {
        Require.id(tier, "customerTier");
        return t -> tier.equals(t.customerTier());
    }

    static TaskCondition location(String location) {
        Require.id(location, "location");
        return t -> location.equals(t.location());
    }

    static TaskCondition campaign(String campaign) {
        Require.id(campaign, "campaign");
        return t -> campaign.equals(t.campaign());
    }

    /** Matches tasks with a known sentiment strictly below {@code score}. */
    static TaskCondition sentimentBelow(double score) {
        return t -> t.sentiment() != null && t.sentiment() < score;
    }

    static TaskCondition priorityAtLeast(int priority) {
        return t -> t.priority() >= priority;
    }

    static TaskCondition attribute(String key, String value) {
        Require.id(key, "key");
        Require.nonNull(value, "value");
        return t -> Objects.equals(t.attributes().get(key), value);
    }
}
