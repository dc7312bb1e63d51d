package io.supportkit.routing.internal;

import io.supportkit.routing.RoutingQueue;

import java.util.Arrays;

/**
 * A queue's waiting tasks and counters. Waiting tasks sit in lanes keyed by base priority, channel, language
 * and first required skill, each lane ordered by original age (then submission order). An agent with free
 * capacity only merges the lanes it could serve, and inside a lane the aged priority never rises along the
 * order, so lanes merge cleanly.
 *
 * <p>Queueing and withdrawing a task allocate nothing once its lane exists: a lane stays in the map when it empties
 * (the next task of its kind reuses it; there are as many as kinds of task seen, not tasks), lanes are found by a
 * primitive key, and the tasks of a lane are linked through their own records ({@link WaitingTasks}). Only the
 * lanes holding tasks are in {@link #activeLanes}, so merging skips the empty ones. Not thread-safe: guarded by
 * the router's lock.
 */
final class QueueRuntime {
    /** Waiting tasks of one kind, oldest first. */
    static final class Lane {
        final int priority;
        final int channel;
        final int language;
        final int skill;
        final WaitingTasks tasks = new WaitingTasks();
        /** Place in {@link #activeLanes} while the lane holds tasks, else -1. */
        int active = -1;

        Lane(int priority, int channel, int language, int skill) {
            this.priority = priority;
            this.channel = channel;
            this.language = language;
            this.skill = skill;
        }

        /**
         * Whether {@code a} could serve some task of this lane now: spare room on the channel, the language and
         * the skill (the full check follows per task). Without the room check a full agent would scan every task.
         */
        boolean mayServe(AgentState a) {
            return a.spare(channel) >= 1 && (language < 0 || a.speaks(language))
                    && (skill < 0 || a.level(skill) >= 0);
        }
    }

    final RoutingQueue spec;
    final int strategyIndex;
    final boolean anyMember;
    private final LongObjectMap<Lane> lanes = new LongObjectMap<>();
    /** The lanes that hold tasks, in no particular order (the first {@link #activeCount}). */
    private Lane[] activeLanes = new Lane[4];
    private int activeCount;
    int waiting;
    int offered;
    int assigned;
    long assignedTotal;
    long overflowedOut;
    long fellBack;
    double averageWaitMillis = -1;
    double averageHandleMillis = -1;

    QueueRuntime(RoutingQueue spec, int strategyIndex) {
        this.spec = spec;
        this.strategyIndex = strategyIndex;
        this.anyMember = spec.members() == io.supportkit.routing.AgentFilter.any();
    }

    /** The first skill without a drop time: every agent who may take the task has it. -1 when none. */
    private static int laneSkill(TaskRecord t) {
        for (int i = 0; i < t.skillCount; i++) {
            if (t.dropAtMillis[i] == TaskRecord.NO_DEADLINE) {
                return t.skills[i];
            }
        }
        return -1;
    }

    private static long laneKey(TaskRecord t, int skill) {
        // a transferred task pinned to an agent may go to someone without the skills: keep it in a broad lane
        int s = t.pinned != null ? -1 : skill;
        int lang = t.pinned != null ? -1 : t.language;
        return ((long) t.task.priority() << 52) | ((long) t.channel << 36) | ((long) (lang + 1) << 22) | (s + 1);
    }

    void add(TaskRecord t) {
        int skill = laneSkill(t);
        long key = laneKey(t, skill);
        Lane lane = lanes.get(key);
        if (lane == null) {
            boolean pinned = t.pinned != null;
            lane = new Lane(t.task.priority(), t.channel, pinned ? -1 : t.language, pinned ? -1 : skill);
            lanes.put(key, lane);
        }
        if (lane.active < 0) {
            if (activeCount == activeLanes.length) {
                activeLanes = Arrays.copyOf(activeLanes, activeCount * 2);
            }
            lane.active = activeCount;
            activeLanes[activeCount++] = lane;
        }
        lane.tasks.add(t);
        t.lane = lane;
        waiting++;
    }

    void remove(TaskRecord t) {
        Lane lane = t.lane;
        if (lane == null) {
            return;
        }
        lane.tasks.remove(t);
        t.lane = null;
        waiting--;
        if (lane.tasks.isEmpty()) {
            // swap the last active lane into this one's place
            Lane last = activeLanes[--activeCount];
            activeLanes[lane.active] = last;
            last.active = lane.active;
            activeLanes[activeCount] = null;
            lane.active = -1;
        }
    }

    /** How many lanes hold tasks; {@link #activeLane} gives them. */
    int activeLaneCount() {
        return activeCount;
    }

    Lane activeLane(int i) {
        return activeLanes[i];
    }

    int effectivePriority(TaskRecord t, long now) {
        int p = t.task.priority();
        if (spec.agingStep() == null) {
            return p;
        }
        long age = Math.max(0, now - t.createdAtMillis);
        long boost = Math.min(spec.maxAgingBoost(), age / spec.agingStep().toMillis());
        return p + (int) boost;
    }

    long oldestCreatedAt() {
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < activeCount; i++) {
            oldest = Math.min(oldest, activeLanes[i].tasks.first().createdAtMillis);
        }
        return oldest;
    }

    static double ewma(double average, double sample) {
        return average < 0 ? sample : average * 0.8 + sample * 0.2;
    }
}
