package io.supportkit.routing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The router's tasks by id: an open-addressing table (linear probing, deletion by backward shift), so adding
 * and removing a task allocates nothing once the table has grown to the peak number of open tasks (a
 * {@link java.util.HashMap} allocates an entry per put). Not thread-safe: guarded by the router's lock.
 *
 * <p>Each slot also keeps its id's mixed hash, in an array of its own, and a probe compares hashes before it
 * looks at an id. With tens of thousands of open tasks the table is far larger than the caches, and comparing a
 * stored id means loading that string and its bytes (two cache misses per slot probed); comparing hashes reads
 * the probed slots from one array, and an id is only compared when its hash matches (almost always the id
 * looked for, usually the very same string, which {@code equals} answers without reading it).
 */
final class TaskTable {
    /** The stored hash of an empty slot; {@link #mix} never returns it. */
    private static final int EMPTY = 0;

    private int[] hashes = new int[64];
    private String[] keys = new String[64];
    private TaskRecord[] values = new TaskRecord[64];
    private int size;

    int size() {
        return size;
    }

    TaskRecord get(String id) {
        int i = indexOf(id);
        return i < 0 ? null : values[i];
    }

    boolean containsKey(String id) {
        return indexOf(id) >= 0;
    }

    /** Adds a task whose id is not in the table, or replaces the task of an id that is. */
    void put(String id, TaskRecord t) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int found = find(id);
        if (found >= 0) {
            values[found] = t;
        } else {
            store(-1 - found, id, t);
        }
    }

    /**
     * Where {@code id} is ({@code >= 0}), or, when absent, {@code -1 - slot} for the slot it would take. With
     * {@link #putAbsent} a submit probes the table once: checking that the id is new, then storing the task, probed
     * the same run twice.
     */
    int find(String id) {
        int h = mix(id.hashCode());
        int[] hs = hashes;
        int mask = hs.length - 1;
        int i = h & mask;
        int stored;
        while ((stored = hs[i]) != EMPTY) {
            if (stored == h && keys[i].equals(id)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1 - i;
    }

    /** Adds a task whose id {@link #find} just reported absent ({@code found < 0}), the table unchanged since. */
    void putAbsent(int found, String id, TaskRecord t) {
        if ((size + 1) * 2 > keys.length) {
            put(id, t); // the table grows: the slot found is no longer where the id goes
            return;
        }
        store(-1 - found, id, t);
    }

    private void store(int i, String id, TaskRecord t) {
        hashes[i] = mix(id.hashCode());
        keys[i] = id;
        values[i] = t;
        size++;
    }

    /** Removes the task with this id, if present. */
    void remove(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return;
        }
        int mask = keys.length - 1;
        // backward shift: move later entries of the probe run into the hole, so lookups never stop early
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            int h = hashes[j];
            if (h == EMPTY) {
                break;
            }
            int home = h & mask;
            // the entry at j may fill the hole only if its home is not cyclically within (hole, j]
            boolean homeBetween = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!homeBetween) {
                hashes[hole] = h;
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        hashes[hole] = EMPTY;
        keys[hole] = null;
        values[hole] = null;
        size--;
    }

    /** A snapshot of the tasks, for the rare paths that scan them all. */
    List<TaskRecord> values() {
        List<TaskRecord> out = new ArrayList<>(size);
        for (TaskRecord t : values) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private int indexOf(String id) {
        int at = find(id);
        return at >= 0 ? at : -1;
    }

    private void grow() {
        String[] oldKeys = keys;
        TaskRecord[] oldValues = values;
        hashes = new int[oldKeys.length * 2];
        keys = new String[oldKeys.length * 2];
        values = new TaskRecord[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /**
     * Ids like "conv-1", "conv-2" differ in few bits: multiply, then fold the well-mixed high bits down. Never
     * {@link #EMPTY}: the one input that would give it is moved to another value (a second id with that hash
     * only probes a little further).
     */
    static int mix(int h) {
        int x = h * 0x9E3779B9;
        x ^= x >>> 16;
        return x == EMPTY ? 1 : x;
    }
}
