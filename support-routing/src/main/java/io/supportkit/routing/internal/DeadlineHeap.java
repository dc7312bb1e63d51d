package io.supportkit.routing.internal;

import java.util.Arrays;

/**
 * The pending deadlines of tasks (offer expiry, step timeout, an optional skill dropping, the end of a sticky wait),
 * earliest first, ties in submission order: a binary heap in an array whose entries are the task records, each
 * knowing its own place ({@link TaskRecord#timerIndex}), so adding, moving and removing a deadline is O(log n)
 * and allocates nothing once the array has grown (a {@code TreeSet} allocated an entry per add, on the path of
 * every task queued in a step with a timeout). Not thread-safe: guarded by the router's lock.
 */
final class DeadlineHeap {
    static final int ABSENT = -1;

    private TaskRecord[] heap = new TaskRecord[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The record with the earliest deadline, or null when empty. */
    TaskRecord first() {
        return size == 0 ? null : heap[0];
    }

    /** Adds a record that is not in the heap, at its {@link TaskRecord#deadline}. */
    void add(TaskRecord t) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = t;
        t.timerIndex = size;
        size++;
        siftUp(t.timerIndex);
    }

    /** Removes a record that is in the heap. */
    void remove(TaskRecord t) {
        int i = t.timerIndex;
        size--;
        TaskRecord last = heap[size];
        heap[size] = null;
        t.timerIndex = ABSENT;
        if (i == size) {
            return;
        }
        heap[i] = last;
        last.timerIndex = i;
        siftDown(i);
        if (heap[i] == last) {
            siftUp(i);
        }
    }

    TaskRecord pollFirst() {
        TaskRecord t = heap[0];
        remove(t);
        return t;
    }

    private static boolean before(TaskRecord a, TaskRecord b) {
        return a.deadline < b.deadline || (a.deadline == b.deadline && a.seq < b.seq);
    }

    private void siftUp(int i) {
        TaskRecord t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            TaskRecord p = heap[parent];
            if (!before(t, p)) {
                break;
            }
            heap[i] = p;
            p.timerIndex = i;
            i = parent;
        }
        heap[i] = t;
        t.timerIndex = i;
    }

    private void siftDown(int i) {
        TaskRecord t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            TaskRecord c = heap[child];
            if (!before(c, t)) {
                break;
            }
            heap[i] = c;
            c.timerIndex = i;
            i = child;
        }
        heap[i] = t;
        t.timerIndex = i;
    }
}
