package io.supportkit.routing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The router's tasks by id: an open-addressing table (linear probing, deletion by backward shift), so adding
 * and removing a task allocates nothing once the table has grown to the peak number of open tasks (a
 * {@link java.util.HashMap} allocates an entry per put). Not thread-safe: guarded by the router's lock.
 */
final class TaskTable {
    private String[] keys = new String[64];
    private TaskRecord[] values = new TaskRecord[64];
    private int size;

    int size() {
        return size;
    }

    TaskRecord get(String id) {
        String[] ks = keys;
        int mask = ks.length - 1;
        int i = spread(id.hashCode()) & mask;
        while (true) {
            String k = ks[i];
            if (k == null) {
                return null;
            }
            if (k.equals(id)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    boolean containsKey(String id) {
        return get(id) != null;
    }

    /** Adds a task whose id is not in the table. */
    void put(String id, TaskRecord t) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = spread(id.hashCode()) & mask;
        while (keys[i] != null) {
            if (keys[i].equals(id)) {
                values[i] = t;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = id;
        values[i] = t;
        size++;
    }

    /** Removes the task with this id, if present. */
    void remove(String id) {
        int mask = keys.length - 1;
        int i = spread(id.hashCode()) & mask;
        while (true) {
            String k = keys[i];
            if (k == null) {
                return;
            }
            if (k.equals(id)) {
                break;
            }
            i = (i + 1) & mask;
        }
        // backward shift: move later entries of the probe run into the hole, so lookups never stop early
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            String k = keys[j];
            if (k == null) {
                break;
            }
            int home = spread(k.hashCode()) & mask;
            // the entry at j may fill the hole only if its home is not cyclically within (hole, j]
            boolean homeBetween = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!homeBetween) {
                keys[hole] = k;
                values[hole] = values[j];
                hole = j;
            }
        }
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

    private void grow() {
        String[] oldKeys = keys;
        TaskRecord[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new TaskRecord[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int spread(int h) {
        // ids like "conv-1", "conv-2" differ in few bits: multiply, then fold the well-mixed high bits down
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
