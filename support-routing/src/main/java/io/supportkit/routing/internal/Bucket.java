package io.supportkit.routing.internal;

import io.supportkit.routing.RoutingStrategy;

import java.util.Arrays;

/**
 * An index of the agents who could take tasks of one kind (channel, language, skill), kept in the order of one
 * strategy, so picking an agent walks from the front instead of scanning every agent.
 *
 * <p>Agents sit in groups ordered by an int key (load for least-loaded, minus the skill level for
 * most-skilled, the custom rank); inside a group they form an intrusive doubly linked list ordered by a long
 * key (an activity or assignment sequence). Re-inserting an agent whose key is the newest is O(1) (append at
 * the tail), which is the steady state of every strategy. Only agents that are routable with a spare unit on
 * the channel are linked ("listed"); all qualifying agents are members.
 *
 * <p><b>Layout.</b> Each membership is a node of {@link IndexNodes}, where an agent's nodes of all indexes sit
 * together; this class keeps the groups' heads and tails and links the nodes. A move allocates nothing.
 *
 * <p><b>Why eager.</b> A lazy order was tried (branch {@code routing-lazy-order}): a move appends a new entry at the
 * tail and marks the old one dead with one write, walks drop dead entries, a compaction copies the live ones.
 * It was 12-20% slower per assign+release pair at 15,000 agents (4 skills x 3 languages, interleaved CPU-time
 * runs): the dead entries still have to be read, one after the other, when a walk reaches them, and a
 * compaction must tell every live agent its entry's new place; the eager unlink only writes its neighbours, so
 * their misses do not hold the move up.
 *
 * <p>Not thread-safe: guarded by the router's lock.
 */
final class Bucket {
    static final int NONE = IndexNodes.NONE;
    private static final int STRIDE = IndexNodes.STRIDE;
    private static final int PREV = IndexNodes.PREV;
    private static final int NEXT = IndexNodes.NEXT;
    private static final int GROUP = IndexNodes.GROUP;
    private static final int LISTED = IndexNodes.LISTED;
    private static final int ORDER_HI = IndexNodes.ORDER_HI;
    private static final int ORDER_LO = IndexNodes.ORDER_LO;

    final long key;
    /** This index's id in {@link #pool}, which every node of it carries. */
    final int id;
    final int strategyIndex;
    final RoutingStrategy.Kind kind;
    final int channel;
    final int language;
    final int skill;
    final String description;
    private final IndexNodes pool;

    private int[] groupKeys = new int[4];
    private int[] heads = new int[4];
    private int[] tails = new int[4];
    private int groupCount;
    private int size;

    Bucket(IndexNodes pool, long key, int strategyIndex, RoutingStrategy.Kind kind, int channel, int language,
           int skill, String description) {
        this.pool = pool;
        this.key = key;
        this.strategyIndex = strategyIndex;
        this.kind = kind;
        this.channel = channel;
        this.language = language;
        this.skill = skill;
        this.description = description;
        this.id = pool.register(this);
    }

    int size() {
        return size;
    }

    int agentOf(int slot) {
        return pool.agentOf(slot);
    }

    boolean isListed(int slot) {
        return pool.nodes[slot * STRIDE + LISTED] != 0;
    }

    int groupCount() {
        return groupCount;
    }

    int groupHead(int groupIndex) {
        return heads[groupIndex];
    }

    int groupKey(int groupIndex) {
        return groupKeys[groupIndex];
    }

    int next(int slot) {
        return pool.nodes[slot * STRIDE + NEXT];
    }

    private static long order(int[] ns, int n) {
        return ((long) ns[n + ORDER_HI] << 32) | (ns[n + ORDER_LO] & 0xFFFFFFFFL);
    }

    /** Whether the member is listed with exactly these keys (nothing to move). */
    boolean isInPlace(int slot, int group, long order) {
        int[] ns = pool.nodes;
        int n = slot * STRIDE;
        return ns[n + LISTED] != 0 && groupKeys[ns[n + GROUP]] == group && order(ns, n) == order;
    }

    /**
     * Puts a member at its place for these keys, linked. One read of its slot settles the steady-state cases: already
     * in place; already last of its group, so only its key grows (an agent whose key grows twice with no other agent
     * moving in between: assigned, then released); or staying in its group with the largest key of it (an activity
     * or an assignment: unlinked and appended at the tail, reading only the tail's key, with no group looked up).
     * Anything else unlinks it and links it by searching from the tail. One method instead of the check, the tail
     * check, the unlink and the link one after the other: a 4 x 3 agent goes through this twelve times per decision,
     * and the separate steps read the same slot again and looked its group up again (8-9 % less CPU per assign/release
     * pair at 1,000 and 15,000 agents in its own interleaved runs, which is inside the spread between runs; with the
     * other changes of that session, 7-10 % in most of five repeated runs at 15,000 agents).
     */
    void place(int slot, int group, long order) {
        int[] ns = pool.nodes;
        int n = slot * STRIDE;
        if (ns[n + LISTED] != 0) {
            int g = ns[n + GROUP];
            if (groupKeys[g] == group) {
                long current = order(ns, n);
                if (current == order) {
                    return;
                }
                int x = ns[n + NEXT];
                if (x == NONE) {
                    if (current < order) {
                        ns[n + ORDER_HI] = (int) (order >>> 32);
                        ns[n + ORDER_LO] = (int) order;
                        return;
                    }
                } else {
                    int t = tails[g];
                    if (order >= order(ns, t * STRIDE)) {
                        int p = ns[n + PREV];
                        if (p == NONE) {
                            heads[g] = x;
                        } else {
                            ns[p * STRIDE + NEXT] = x;
                        }
                        ns[x * STRIDE + PREV] = p;
                        ns[t * STRIDE + NEXT] = slot;
                        ns[n + PREV] = t;
                        ns[n + NEXT] = NONE;
                        tails[g] = slot;
                        ns[n + ORDER_HI] = (int) (order >>> 32);
                        ns[n + ORDER_LO] = (int) order;
                        return;
                    }
                }
            }
        }
        unlink(slot);
        link(slot, group, order);
    }

    /**
     * Points the neighbours (or the group's head and tail) of a listed node copied to {@code slot} at its new place.
     * {@link IndexNodes} calls it when an agent's region grows; no two nodes of one agent are ever neighbours, as an
     * agent has one node per index.
     */
    void relocated(int slot) {
        int[] nodes = pool.nodes;
        int n = slot * STRIDE;
        if (nodes[n + LISTED] != 0) {
            repointNeighbours(nodes, n, slot, slot);
        }
    }

    void unlink(int slot) {
        int[] nodes = pool.nodes;
        int n = slot * STRIDE;
        if (nodes[n + LISTED] == 0) {
            return;
        }
        repointNeighbours(nodes, n, nodes[n + NEXT], nodes[n + PREV]);
        nodes[n + LISTED] = 0;
        size--;
    }

    /**
     * Makes the listed node at {@code n}'s predecessor (or its group's head) point forward to {@code forward} and
     * its successor (or its group's tail) point back to {@code back}: to itself after a move, past it to unlink it.
     */
    private void repointNeighbours(int[] nodes, int n, int forward, int back) {
        int g = nodes[n + GROUP];
        int p = nodes[n + PREV];
        int x = nodes[n + NEXT];
        if (p == NONE) {
            heads[g] = forward;
        } else {
            nodes[p * STRIDE + NEXT] = forward;
        }
        if (x == NONE) {
            tails[g] = back;
        } else {
            nodes[x * STRIDE + PREV] = back;
        }
    }

    /** Links the member into group {@code group} at the place of {@code order}, searching from the tail. */
    void link(int slot, int group, long order) {
        int g = groupIndex(group);
        int[] nodes = pool.nodes;
        int after = tails[g];
        while (after != NONE && order(nodes, after * STRIDE) > order) {
            after = nodes[after * STRIDE + PREV];
        }
        int before = after == NONE ? heads[g] : nodes[after * STRIDE + NEXT];
        int n = slot * STRIDE;
        nodes[n + PREV] = after;
        nodes[n + NEXT] = before;
        if (after == NONE) {
            heads[g] = slot;
        } else {
            nodes[after * STRIDE + NEXT] = slot;
        }
        if (before == NONE) {
            tails[g] = slot;
        } else {
            nodes[before * STRIDE + PREV] = slot;
        }
        nodes[n + GROUP] = g;
        nodes[n + ORDER_HI] = (int) (order >>> 32);
        nodes[n + ORDER_LO] = (int) order;
        nodes[n + LISTED] = 1;
        size++;
    }

    /** Index of the group with key {@code group}, created when missing. */
    private int groupIndex(int group) {
        if (groupCount == 1 && groupKeys[0] == group) {
            return 0;
        }
        int lo = 0;
        int hi = groupCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int k = groupKeys[mid];
            if (k < group) {
                lo = mid + 1;
            } else if (k > group) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        // a new group key: rare (a new load level or rank), so copying arrays is fine
        if (groupCount == groupKeys.length) {
            int n = groupCount * 2;
            groupKeys = Arrays.copyOf(groupKeys, n);
            heads = Arrays.copyOf(heads, n);
            tails = Arrays.copyOf(tails, n);
        }
        int at = lo;
        System.arraycopy(groupKeys, at, groupKeys, at + 1, groupCount - at);
        System.arraycopy(heads, at, heads, at + 1, groupCount - at);
        System.arraycopy(tails, at, tails, at + 1, groupCount - at);
        groupKeys[at] = group;
        heads[at] = NONE;
        tails[at] = NONE;
        groupCount++;
        // the listed members of the later groups moved up one group (unlisted nodes' group is never read)
        int[] nodes = pool.nodes;
        for (int g = at + 1; g < groupCount; g++) {
            for (int o = heads[g]; o != NONE; o = nodes[o * STRIDE + NEXT]) {
                nodes[o * STRIDE + GROUP] = g;
            }
        }
        return at;
    }
}
