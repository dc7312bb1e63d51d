package io.supportkit.routing.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation-free structures of the queueing path keep the order the {@code TreeSet}s they replaced kept:
 * a lane's tasks oldest first (original age, then submission order) and the deadlines earliest first (then
 * submission order), under any sequence of adds and removes, tasks coming back at their old age included.
 */
class WaitingStructuresProperties {
    private static final Comparator<TaskRecord> BY_AGE =
            Comparator.<TaskRecord>comparingLong(t -> t.createdAtMillis).thenComparingLong(t -> t.seq);
    private static final Comparator<TaskRecord> BY_DEADLINE =
            Comparator.<TaskRecord>comparingLong(t -> t.deadline).thenComparingLong(t -> t.seq);

    /**
     * Each int is one operation on one of 60 records: add it when it is out, remove it when it is in. Ages repeat
     * (few distinct milliseconds), so the submission order decides many ties, and a record removed and added
     * again comes back at its old age, as a rejected offer does.
     */
    @Property(tries = 300)
    void shouldKeepALaneOldestFirstAfterAnyAddsAndRemoves(
            @ForAll @Size(max = 500) List<@IntRange(min = 0, max = 59) Integer> operations) {
        List<TaskRecord> records = records(60);
        WaitingTasks lane = new WaitingTasks();
        TreeSet<TaskRecord> model = new TreeSet<>(BY_AGE);
        boolean[] in = new boolean[records.size()];
        for (int op : operations) {
            TaskRecord t = records.get(op);
            if (in[op]) {
                lane.remove(t);
                model.remove(t);
            } else {
                lane.add(t);
                model.add(t);
            }
            in[op] = !in[op];
            assertThat(lane.size()).isEqualTo(model.size());
            assertThat(lane.first()).isSameAs(model.isEmpty() ? null : model.first());
        }
        List<TaskRecord> walked = new ArrayList<>();
        for (TaskRecord t = lane.first(); t != null; t = WaitingTasks.next(t)) {
            walked.add(t);
        }
        assertThat(walked).containsExactlyElementsOf(model);
        assertThat(lane.isEmpty()).isEqualTo(model.isEmpty());
    }

    /** Adds, removes and earliest-first polls in any order, deadlines with many ties. */
    @Property(tries = 300)
    void shouldPollDeadlinesEarliestFirstAfterAnyAddsAndRemoves(
            @ForAll @Size(max = 500) List<@IntRange(min = 0, max = 64) Integer> operations) {
        List<TaskRecord> records = records(64);
        DeadlineHeap heap = new DeadlineHeap();
        TreeSet<TaskRecord> model = new TreeSet<>(BY_DEADLINE);
        for (int op : operations) {
            if (op == 64) {
                // poll the earliest, as tick() does
                if (!model.isEmpty()) {
                    TaskRecord expected = model.pollFirst();
                    assertThat(heap.pollFirst()).isSameAs(expected);
                    assertThat(expected.timerIndex).isEqualTo(DeadlineHeap.ABSENT);
                }
            } else {
                TaskRecord t = records.get(op);
                if (t.timerIndex != DeadlineHeap.ABSENT) {
                    heap.remove(t);
                    model.remove(t);
                    assertThat(t.timerIndex).isEqualTo(DeadlineHeap.ABSENT);
                } else {
                    heap.add(t);
                    model.add(t);
                }
            }
            assertThat(heap.size()).isEqualTo(model.size());
            assertThat(heap.first()).isSameAs(model.isEmpty() ? null : model.first());
        }
        while (!model.isEmpty()) {
            assertThat(heap.pollFirst()).isSameAs(model.pollFirst());
        }
        assertThat(heap.isEmpty()).isTrue();
    }

    /** Records with ages and deadlines drawn from a handful of values, and unique submission sequences. */
    private static List<TaskRecord> records(int count) {
        List<TaskRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TaskRecord t = new TaskRecord();
            t.seq = 1000 - 7L * i; // not in creation order, so ties are decided by something other than position
            t.createdAtMillis = (i * 37L) % 5;
            t.deadline = (i * 13L) % 7;
            out.add(t);
        }
        return out;
    }
}
