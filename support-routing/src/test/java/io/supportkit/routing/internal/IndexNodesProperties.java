package io.supportkit.routing.internal;

import io.supportkit.routing.RoutingStrategy;
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
 * Indexes whose nodes are laid out by agent ({@link IndexNodes}) keep every index in (group, order) order, as a
 * sorted set of (group, order, agent) would, whatever the agents join, move, unlist, leave or rejoin; an agent's
 * regions grow and move as it joins more indexes, and every node keeps naming its index and its agent.
 */
class IndexNodesProperties {
    private static final int AGENTS = 7;
    private static final int BUCKETS = 9;
    private static final Comparator<long[]> BY_KEYS = Comparator.<long[]>comparingLong(e -> e[0])
            .thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]);

    /**
     * Each int is one operation: its low digits pick the agent, the index and what to do; the rest picks a group.
     * Orders are unique (the operation's position with a random offset), so the model's order is the only one.
     */
    @Property(tries = 300)
    void shouldKeepEveryIndexInGroupThenOrderOrderWhateverTheAgentsDo(
            @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 999_999) Integer> operations) {
        IndexNodes pool = new IndexNodes();
        Bucket[] buckets = new Bucket[BUCKETS];
        List<TreeSet<long[]>> model = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = new Bucket(pool, b, 0, RoutingStrategy.Kind.LEAST_LOADED, 0, 0, b, "b" + b);
            model.add(new TreeSet<>(BY_KEYS));
        }
        AgentState[] agents = new AgentState[AGENTS];
        for (int a = 0; a < AGENTS; a++) {
            agents[a] = new AgentState(a);
        }
        boolean[][] member = new boolean[AGENTS][BUCKETS];
        long[][][] listed = new long[AGENTS][BUCKETS][];
        int step = 0;
        for (int op : operations) {
            step++;
            AgentState a = agents[op % AGENTS];
            int b = (op / AGENTS) % BUCKETS;
            int what = (op / (AGENTS * BUCKETS)) % 8;
            int group = (op / (AGENTS * BUCKETS * 8)) % 4 - 1;
            long order = (long) (op % 13) * 1_000_000 + step;
            if (!member[a.ordinal][b]) {
                if (what == 7) {
                    // a profile change: out of everything, then room made before joining again
                    leaveAll(pool, a, member, listed, model);
                    pool.reserve(a, 1 + op % BUCKETS);
                }
                pool.join(a, buckets[b]);
                member[a.ordinal][b] = true;
            } else if (what == 5) {
                buckets[b].unlink(nodeOf(pool, a, buckets[b]));
                unlist(a, b, listed, model);
            } else if (what == 6) {
                leaveAll(pool, a, member, listed, model);
            } else if (what == 7) {
                pool.release(a);
                unlistAll(a, member, listed, model);
            } else {
                buckets[b].place(nodeOf(pool, a, buckets[b]), group, order);
                unlist(a, b, listed, model);
                long[] entry = {group, order, a.ordinal};
                model.get(b).add(entry);
                listed[a.ordinal][b] = entry;
            }
            for (int k = 0; k < BUCKETS; k++) {
                assertThat(walk(pool, buckets[k])).containsExactlyElementsOf(render(model.get(k)));
                assertThat(buckets[k].size()).isEqualTo(model.get(k).size());
            }
        }
        for (AgentState x : agents) {
            for (int i = 0; i < x.nodeCount; i++) {
                assertThat(pool.agentOf(x.nodeBase + i)).isEqualTo(x.ordinal);
                assertThat(member[x.ordinal][pool.bucketOf(x.nodeBase + i).id]).isTrue();
            }
        }
    }

    private static void leaveAll(IndexNodes pool, AgentState a, boolean[][] member, long[][][] listed,
                                 List<TreeSet<long[]>> model) {
        pool.leaveAll(a);
        unlistAll(a, member, listed, model);
    }

    private static void unlistAll(AgentState a, boolean[][] member, long[][][] listed, List<TreeSet<long[]>> model) {
        for (int b = 0; b < BUCKETS; b++) {
            unlist(a, b, listed, model);
            member[a.ordinal][b] = false;
        }
        assertThat(a.nodeCount).isZero();
    }

    private static void unlist(AgentState a, int b, long[][][] listed, List<TreeSet<long[]>> model) {
        if (listed[a.ordinal][b] != null) {
            model.get(b).remove(listed[a.ordinal][b]);
            listed[a.ordinal][b] = null;
        }
    }

    private static List<String> render(TreeSet<long[]> entries) {
        List<String> out = new ArrayList<>();
        for (long[] e : entries) {
            out.add(e[0] + "/" + e[1] + "/" + e[2]);
        }
        return out;
    }

    /** The agent's node in the index, found as the router finds it: by the index id each node carries. */
    private static int nodeOf(IndexNodes pool, AgentState a, Bucket b) {
        int found = IndexNodes.NONE;
        for (int i = 0; i < a.nodeCount; i++) {
            if (pool.bucketOf(a.nodeBase + i) == b) {
                assertThat(found).isEqualTo(IndexNodes.NONE);
                found = a.nodeBase + i;
            }
        }
        assertThat(found).isNotEqualTo(IndexNodes.NONE);
        return found;
    }

    /** The index front to back as (group key, order, agent), checking each listed node points back at it. */
    private static List<String> walk(IndexNodes pool, Bucket b) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < b.groupCount(); g++) {
            for (int o = b.groupHead(g); o != Bucket.NONE; o = b.next(o)) {
                assertThat(pool.bucketOf(o)).isSameAs(b);
                assertThat(b.isListed(o)).isTrue();
                long order = ((long) pool.nodes[o * IndexNodes.STRIDE + IndexNodes.ORDER_HI] << 32)
                        | (pool.nodes[o * IndexNodes.STRIDE + IndexNodes.ORDER_LO] & 0xFFFFFFFFL);
                out.add(b.groupKey(g) + "/" + order + "/" + b.agentOf(o));
            }
        }
        return out;
    }
}
