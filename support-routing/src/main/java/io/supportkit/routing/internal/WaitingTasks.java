package io.supportkit.routing.internal;

/**
 * The waiting tasks of one lane, oldest first (original creation time, then submission order): a treap whose
 * nodes are the task records themselves ({@link TaskRecord#laneLeft}, {@link TaskRecord#laneRight},
 * {@link TaskRecord#laneParent}), so queueing and withdrawing a task allocate nothing. A {@code TreeSet} did the
 * same job with a map entry per queued task, and the lane around it was dropped when it emptied and rebuilt for
 * the next task (about 250 bytes per queued task in the assign/release benchmark).
 *
 * <p>Why a balanced tree and not a list appended at the tail: a task that comes back (rejected or expired
 * offer, transfer, overflow, a re-submit with {@code createdAt}) keeps its original age and goes back to its
 * place among the others, so insertion is not always at the tail. A treap stays O(log n) for any order of
 * ages; its node weights come from the submission sequence, which is unique per task, so no random source is
 * needed and the shape is reproducible.
 *
 * <p>A record sits in at most one lane at a time ({@link TaskRecord#lane}); its age and sequence must not change
 * while it does. Not thread-safe: guarded by the router's lock.
 */
final class WaitingTasks {
    private TaskRecord root;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return root == null;
    }

    /** The oldest task, or null when empty. */
    TaskRecord first() {
        TaskRecord t = root;
        if (t == null) {
            return null;
        }
        while (t.laneLeft != null) {
            t = t.laneLeft;
        }
        return t;
    }

    /** The task after {@code t} in age order, or null when {@code t} is the youngest. */
    static TaskRecord next(TaskRecord t) {
        if (t.laneRight != null) {
            TaskRecord n = t.laneRight;
            while (n.laneLeft != null) {
                n = n.laneLeft;
            }
            return n;
        }
        TaskRecord child = t;
        TaskRecord p = t.laneParent;
        while (p != null && p.laneRight == child) {
            child = p;
            p = p.laneParent;
        }
        return p;
    }

    /** Orders by original age, then by submission order (unique per task). */
    static int compare(TaskRecord a, TaskRecord b) {
        int c = Long.compare(a.createdAtMillis, b.createdAtMillis);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    }

    /** The treap weight: the submission sequence scrambled, so that weights are in no relation to ages. */
    private static int weight(TaskRecord t) {
        long h = t.seq * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    void add(TaskRecord t) {
        t.laneLeft = null;
        t.laneRight = null;
        TaskRecord parent = null;
        TaskRecord at = root;
        boolean left = false;
        while (at != null) {
            parent = at;
            left = compare(t, at) < 0;
            at = left ? at.laneLeft : at.laneRight;
        }
        t.laneParent = parent;
        if (parent == null) {
            root = t;
        } else if (left) {
            parent.laneLeft = t;
        } else {
            parent.laneRight = t;
        }
        int w = weight(t);
        while (t.laneParent != null && w > weight(t.laneParent)) {
            rotateUp(t);
        }
        size++;
    }

    /** Removes {@code t}, which must be in this lane. */
    void remove(TaskRecord t) {
        // rotate the heavier child above t until t has at most one child, then splice it out
        while (t.laneLeft != null && t.laneRight != null) {
            rotateUp(weight(t.laneLeft) > weight(t.laneRight) ? t.laneLeft : t.laneRight);
        }
        TaskRecord child = t.laneLeft != null ? t.laneLeft : t.laneRight;
        TaskRecord p = t.laneParent;
        if (child != null) {
            child.laneParent = p;
        }
        if (p == null) {
            root = child;
        } else if (p.laneLeft == t) {
            p.laneLeft = child;
        } else {
            p.laneRight = child;
        }
        t.laneLeft = null;
        t.laneRight = null;
        t.laneParent = null;
        size--;
    }

    /** Moves {@code x} above its parent, keeping the in-order sequence. */
    private void rotateUp(TaskRecord x) {
        TaskRecord p = x.laneParent;
        TaskRecord g = p.laneParent;
        if (p.laneLeft == x) {
            p.laneLeft = x.laneRight;
            if (x.laneRight != null) {
                x.laneRight.laneParent = p;
            }
            x.laneRight = p;
        } else {
            p.laneRight = x.laneLeft;
            if (x.laneLeft != null) {
                x.laneLeft.laneParent = p;
            }
            x.laneLeft = p;
        }
        p.laneParent = x;
        x.laneParent = g;
        if (g == null) {
            root = x;
        } else if (g.laneLeft == p) {
            g.laneLeft = x;
        } else {
            g.laneRight = x;
        }
    }
}
