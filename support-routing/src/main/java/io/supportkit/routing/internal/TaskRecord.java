package io.supportkit.routing.internal;

import io.supportkit.routing.RoutingRule;
import io.supportkit.routing.Task;
import io.supportkit.routing.TaskPhase;

import java.util.Arrays;

/**
 * The router's mutable state of one task. Records are reused for later tasks once a task leaves the router
 * ({@link #init}), so the steady-state submit/release path allocates none; nothing may keep a reference to a
 * record after the task left. Not thread-safe: guarded by the router's lock.
 */
final class TaskRecord {
    static final long NO_DEADLINE = Long.MAX_VALUE;
    private static final int[] NO_AGENTS = new int[0];

    Task task;
    long seq;
    long createdAtMillis;
    int channel;
    int language;
    /** Skill requirements, the first {@link #skillCount} entries are valid (the arrays are reused). */
    int skillCount;
    int[] skills = new int[2];
    int[] minLevels = new int[2];
    long[] dropAtMillis = new long[2];
    /** Bit i set while skill i applies (required skills always, optional ones until dropped). */
    int activeSkills;

    RoutingRule rule;
    String ruleName;
    int step;
    QueueRuntime queue;
    TaskPhase phase;
    boolean inLane;
    /** The lane the task waits in, or null; with the three links below, its node in that lane's tree. */
    QueueRuntime.Lane lane;
    TaskRecord laneLeft;
    TaskRecord laneRight;
    TaskRecord laneParent;
    AgentState agent;
    int agentCost;
    long offerExpiresAtMillis;
    long assignedAtMillis;
    long enqueuedAtMillis;

    /** Agent the task is transferred to, or null. */
    AgentState pinned;
    AgentState sticky;
    long stickyUntilMillis;

    int[] excluded = NO_AGENTS;
    int excludedCount;
    int transfers;

    long deadline;
    boolean timerQueued;
    /** The record's place in the router's {@link DeadlineHeap}, {@link DeadlineHeap#ABSENT} when not in it. */
    int timerIndex = DeadlineHeap.ABSENT;

    /** Makes this record the fresh state of {@code task}; the skill arrays are then filled by the caller. */
    void init(Task task, long seq, long createdAtMillis, int channel, int language, int skillCount) {
        this.task = task;
        this.seq = seq;
        this.createdAtMillis = createdAtMillis;
        this.channel = channel;
        this.language = language;
        if (skills.length < skillCount) {
            skills = new int[skillCount];
            minLevels = new int[skillCount];
            dropAtMillis = new long[skillCount];
        }
        this.skillCount = skillCount;
        this.activeSkills = (1 << skillCount) - 1;
        rule = null;
        ruleName = null;
        step = 0;
        queue = null;
        phase = TaskPhase.WAITING;
        inLane = false;
        lane = null;
        laneLeft = null;
        laneRight = null;
        laneParent = null;
        agent = null;
        agentCost = 0;
        offerExpiresAtMillis = NO_DEADLINE;
        assignedAtMillis = 0;
        enqueuedAtMillis = 0;
        pinned = null;
        sticky = null;
        stickyUntilMillis = NO_DEADLINE;
        excludedCount = 0;
        transfers = 0;
        deadline = NO_DEADLINE;
        timerQueued = false;
        timerIndex = DeadlineHeap.ABSENT;
    }

    /** Drops references to other objects once the task left the router, so a pooled record keeps none alive. */
    void clear() {
        task = null;
        rule = null;
        ruleName = null;
        queue = null;
        lane = null;
        laneLeft = null;
        laneRight = null;
        laneParent = null;
        agent = null;
        pinned = null;
        sticky = null;
        excluded = NO_AGENTS;
        excludedCount = 0;
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
