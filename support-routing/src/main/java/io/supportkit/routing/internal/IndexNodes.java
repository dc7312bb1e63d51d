package io.supportkit.routing.internal;

import java.util.Arrays;

/**
 * The nodes of every index ({@link Bucket}), laid out by agent: the memberships of one agent (one node per index it
 * qualifies for) sit side by side in one region of one int array, and each node names its index. A node is 32 bytes:
 * its links, group, listed flag, index id, agent and order key.
 *
 * <p><b>Why by agent.</b> Every assignment moves its agent in all its indexes at once (twelve for an agent with four
 * skills in three languages). With nodes kept per index, that move read the agent's index and slot arrays and then
 * twelve nodes in twelve arrays, a cache miss each, after the miss that found the agent; by agent, the twelve nodes
 * are six adjacent lines found from the agent's region alone, and the node a walk picked the agent through is one of
 * them. The links still join nodes of different agents, so the neighbours a move rewrites are where they were.
 *
 * <p>Regions come in sizes 1, 2, 3, 4, 6, 8, 12, 16, ... (powers of two and one and a half times them), so an agent's
 * region wastes at most a third; a region that must grow (an index created after the agent joined) moves, and its
 * listed nodes' neighbours are relinked to the new place. Freed regions are reused by size. Memory: 32 bytes per
 * membership plus the rounding, 384 bytes for an agent in twelve indexes.
 *
 * <p>Not thread-safe: guarded by the router's lock.
 */
final class IndexNodes {
    static final int NONE = -1;
    static final int STRIDE = 8;
    static final int PREV = 0;
    static final int NEXT = 1;
    static final int GROUP = 2;
    static final int LISTED = 3;
    static final int BUCKET = 4;
    static final int AGENT = 5;
    static final int ORDER_HI = 6;
    static final int ORDER_LO = 7;

    /** Read by {@link Bucket} on every access: a grown pool is a new array. */
    int[] nodes = new int[256 * STRIDE];
    private int top;
    /** Per region size, the first free region of that size, linked through the first node's NEXT. */
    private int[] freeBySize = new int[16];
    private Bucket[] buckets = new Bucket[16];
    private int bucketCount;

    IndexNodes() {
        Arrays.fill(freeBySize, NONE);
    }

    /** Registers a new index and returns the id its nodes carry. */
    int register(Bucket b) {
        if (bucketCount == buckets.length) {
            buckets = Arrays.copyOf(buckets, bucketCount * 2);
        }
        buckets[bucketCount] = b;
        return bucketCount++;
    }

    int bucketCount() {
        return bucketCount;
    }

    Bucket bucket(int id) {
        return buckets[id];
    }

    /** The index node {@code node} belongs to. */
    Bucket bucketOf(int node) {
        return buckets[nodes[node * STRIDE + BUCKET]];
    }

    int agentOf(int node) {
        return nodes[node * STRIDE + AGENT];
    }

    /** Makes room for {@code count} memberships of an agent that has none, so joining them moves nothing. */
    void reserve(AgentState a, int count) {
        if (count > a.nodeCapacity) {
            if (a.nodeCapacity > 0) {
                free(a.nodeBase, a.nodeCapacity);
            }
            a.nodeCapacity = regionSize(count);
            a.nodeBase = allocate(a.nodeCapacity);
        }
    }

    /** Adds agent {@code a} to index {@code b} (unlisted) and returns its node. */
    int join(AgentState a, Bucket b) {
        if (a.nodeCount == a.nodeCapacity) {
            grow(a);
        }
        int node = a.nodeBase + a.nodeCount++;
        int n = node * STRIDE;
        int[] ns = nodes;
        ns[n + PREV] = NONE;
        ns[n + NEXT] = NONE;
        ns[n + GROUP] = 0;
        ns[n + LISTED] = 0;
        ns[n + BUCKET] = b.id;
        ns[n + AGENT] = a.ordinal;
        return node;
    }

    /** Takes agent {@code a} out of every index (profile change); its region stays its own. */
    void leaveAll(AgentState a) {
        for (int i = 0; i < a.nodeCount; i++) {
            int node = a.nodeBase + i;
            bucketOf(node).unlink(node);
        }
        a.nodeCount = 0;
    }

    /** Takes agent {@code a} out of every index and gives its region back (removal). */
    void release(AgentState a) {
        leaveAll(a);
        if (a.nodeCapacity > 0) {
            free(a.nodeBase, a.nodeCapacity);
            a.nodeCapacity = 0;
            a.nodeBase = NONE;
        }
    }

    /** Moves the agent's nodes to a larger region, relinking the listed ones where they were. */
    private void grow(AgentState a) {
        int size = regionSize(a.nodeCapacity + 1);
        int base = allocate(size);
        int[] ns = nodes;
        if (a.nodeCount > 0) {
            System.arraycopy(ns, a.nodeBase * STRIDE, ns, base * STRIDE, a.nodeCount * STRIDE);
            for (int i = 0; i < a.nodeCount; i++) {
                bucketOf(base + i).relocated(base + i);
            }
        }
        if (a.nodeCapacity > 0) {
            free(a.nodeBase, a.nodeCapacity);
        }
        a.nodeBase = base;
        a.nodeCapacity = size;
    }

    private int allocate(int size) {
        if (size < freeBySize.length && freeBySize[size] != NONE) {
            int base = freeBySize[size];
            freeBySize[size] = nodes[base * STRIDE + NEXT];
            return base;
        }
        int base = top;
        top += size;
        if (top * STRIDE > nodes.length) {
            nodes = Arrays.copyOf(nodes, Math.max(top * STRIDE, nodes.length * 2));
        }
        return base;
    }

    private void free(int base, int size) {
        if (size >= freeBySize.length) {
            int old = freeBySize.length;
            freeBySize = Arrays.copyOf(freeBySize, Math.max(size + 1, 2 * old));
            Arrays.fill(freeBySize, old, freeBySize.length, NONE);
        }
        nodes[base * STRIDE + NEXT] = freeBySize[size];
        freeBySize[size] = base;
    }

    /** The smallest of 1, 2, 3, 4, 6, 8, 12, 16, ... that holds {@code count}. */
    static int regionSize(int count) {
        if (count <= 2) {
            return Math.max(count, 1);
        }
        int power = Integer.highestOneBit(count - 1);
        return count <= power + (power >> 1) ? power + (power >> 1) : 2 * power;
    }
}
