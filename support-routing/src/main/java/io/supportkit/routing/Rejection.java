package io.supportkit.routing;

/**
 * Why an agent could not take a task, as shown in an {@link Explanation}. Immutable and thread-safe.
 *
 * <pre>{@code
 * if (verdict.rejection() == Rejection.LANGUAGE) { ... }
 * }</pre>
 */
public enum Rejection {
    /** Presence is not {@link Presence#AVAILABLE}. */
    NOT_ROUTABLE,
    /** The agent has no capacity on the task's channel. */
    NO_CHANNEL,
    /** Not enough spare units on the task's channel. */
    CHANNEL_FULL,
    /** Not enough spare units over all channels. */
    TOTAL_FULL,
    /** Does not speak the task's language. */
    LANGUAGE,
    /** Lacks a skill the task needs. */
    MISSING_SKILL,
    /** Has the skill below the required level. */
    SKILL_LEVEL,
    /** Removed by the step's agent expression. */
    STEP_FILTER,
    /** Not a member of the step's queue. */
    QUEUE_MEMBERS,
    /** Declined, let expire or transferred this task before. */
    DECLINED_BEFORE,
    /** The task is held for the customer's previous agent during the sticky wait. */
    STICKY_RESERVED,
    /** The task was transferred to another agent. */
    NOT_TRANSFER_TARGET
}
