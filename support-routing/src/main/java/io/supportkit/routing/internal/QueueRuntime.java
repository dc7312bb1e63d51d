package io.supportkit.routing.internal;

import io.supportkit.routing.RoutingQueue;

import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A queue's waiting tasks and counters. Waiting tasks sit in one lane per base priority, each lane ordered
 * by original age (then submission order), so inside a lane the aged priority never rises along the order and
 * lanes merge cleanly. Not thread-safe: guarded by the router's lock.
 */
final class QueueRuntime {
    static final Comparator<TaskRecord> BY_AGE =
            Comparator.<TaskRecord>comparingLong(t -> t.createdAtMillis).thenComparingLong(t -> t.seq);

    final RoutingQueue spec;
    final int strategyIndex;
    final boolean anyMember;
    /** Base priority (descending) to waiting tasks by age. */
    final TreeMap<Integer, TreeSet<TaskRecord>> lanes = new TreeMap<>(Comparator.reverseOrder());
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

    void add(TaskRecord t) {
        lanes.computeIfAbsent(t.task.priority(), p -> new TreeSet<>(BY_AGE)).add(t);
        waiting++;
    }

    void remove(TaskRecord t) {
        TreeSet<TaskRecord> lane = lanes.get(t.task.priority());
        if (lane != null && lane.remove(t)) {
            waiting--;
            if (lane.isEmpty()) {
                lanes.remove(t.task.priority());
            }
        }
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
        for (TreeSet<TaskRecord> lane : lanes.values()) {
            oldest = Math.min(oldest, lane.first().createdAtMillis);
        }
        return oldest;
    }

    static double ewma(double average, double sample) {
        return average < 0 ? sample : average * 0.8 + sample * 0.2;
    }
}
