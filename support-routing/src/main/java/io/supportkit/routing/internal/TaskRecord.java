package io.supportkit.routing.internal;

import io.supportkit.routing.RoutingRule;
import io.supportkit.routing.Task;
import io.supportkit.routing.TaskPhase;

import java.util.Arrays;

/**
 * The router's mutable state of one task. Not thread-safe: guarded by the router's lock.
 */
final class TaskRecord {
    static final long NO_DEADLINE = Long.MAX_VALUE;

    final Task task;
    final long seq;
    final long createdAtMillis;
    final int channel;
    final int language;
    final int[] skills;
    final int[] minLevels;
    final long[] dropAtMillis;
    /** Bit i set while skill i applies (required skills always, optional ones until dropped). */
    int activeSkills;

    RoutingRule rule;
    String ruleName;
    int step;
    QueueRuntime queue;
    TaskPhase phase = TaskPhase.WAITING;
    boolean inLane;
    long laneKey;
    AgentState agent;
    int agentCost;
    long offerExpiresAtMillis = NO_DEADLINE;
    long assignedAtMillis;
    long enqueuedAtMillis;

    /** Agent the task is transferred to, or null. */
    AgentState pinned;
    AgentState sticky;
    long stickyUntilMillis = NO_DEADLINE;

    private static final int[] NO_AGENTS = new int[0];

    int[] excluded = NO_AGENTS;
    int excludedCount;
    int transfers;

    long deadline = NO_DEADLINE;
    boolean timerQueued;

    TaskRecord(Task task, long seq, long createdAtMillis, int channel, int language, int[] skills, int[] minLevels,
               long[] dropAtMillis) {
        this.task = task;
        this.seq = seq;
        this.createdAtMillis = createdAtMillis;
        this.channel = channel;
        this.language = language;
        this.skills = skills;
        this.minLevels = minLevels;
        this.dropAtMillis = dropAtMillis;
        this.activeSkills = (1 << skills.length) - 1;
    }

    boolean isExcluded(int ordinal) {
        for (int i = 0; i < excludedCount; i++) {
            if (excluded[i] == ordinal) {
                return true;
            }
        }
        return false;
    }

    void exclude(int ordinal) {
        if (isExcluded(ordinal)) {
            return;
        }
        if (excludedCount == excluded.length) {
            excluded = Arrays.copyOf(excluded, Math.max(4, excludedCount * 2));
        }
        excluded[excludedCount++] = ordinal;
    }

    boolean skillActive(int i) {
        return (activeSkills & (1 << i)) != 0;
    }

    boolean stickyActive(long now) {
        return sticky != null && now < stickyUntilMillis;
    }
}
