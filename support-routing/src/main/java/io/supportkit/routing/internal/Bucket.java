package io.supportkit.routing.internal;

import io.supportkit.routing.RoutingStrategy;

import java.util.Arrays;

/**
 * An index of the agents who could take tasks of one kind (channel, language, skill at a minimum level), kept
 * in the order of one strategy, so picking an agent walks from the front instead of scanning every agent.
 *
 * <p>Agents sit in groups ordered by an int key (load for least-loaded, minus the skill level for
 * most-skilled, the custom rank); inside a group they form an intrusive doubly linked list ordered by a long
 * key (an activity or assignment sequence). Re-inserting an agent whose key is the newest is O(1) (append at
 * the tail), which is the steady state of every strategy. All links live in int arrays indexed by the agent's
 * ordinal, so moving an agent allocates nothing. Only agents that are routable with a spare unit on the channel
 * are linked ("listed"); all qualifying agents are "members".
 *
 * <p><b>Lazy maintenance.</b> Every strategy key only grows while an agent stays listed (activity and
 * assignment sequences increase; least-loaded is the exception and is fixed eagerly when load drops). So an
 * entry may carry a stale, smaller key, or belong to an agent that is no longer routable or has no spare unit:
 * the router fixes such entries when a walk meets them (moving them later, or unlinking them) instead of touching
 * every index on every assignment. Entries are sorted by the keys they carry, and an agent's real key is never
 * below that, so the first current, eligible entry of a walk is still the true best.
 *
 * <p>Not thread-safe: guarded by the router's lock.
 */
final class Bucket {
    static final int NONE = -1;

    final long key;
    final int strategyIndex;
    final RoutingStrategy.Kind kind;
    final int channel;
    final int language;
    final int skill;
    final int minLevel;
    final String description;

    private int[] prev = new int[0];
    private int[] next = new int[0];
    private int[] groupOf = new int[0];
    private long[] orderKey = new long[0];
    private boolean[] listed = new boolean[0];

    private int[] groupKeys = new int[4];
    private int[] heads = new int[4];
    private int[] tails = new int[4];
    private int[] groupSizes = new int[4];
    private int groupCount;
    private int size;

    Bucket(long key, int strategyIndex, RoutingStrategy.Kind kind, int channel, int language, int skill, int minLevel, String description,
           int agentCapacity) {
        this.key = key;
        this.strategyIndex = strategyIndex;
        this.kind = kind;
        this.channel = channel;
        this.language = language;
        this.skill = skill;
        this.minLevel = minLevel;
        this.description = description;
        ensureAgentCapacity(agentCapacity);
    }

    void ensureAgentCapacity(int agents) {
        if (agents <= prev.length) {
            return;
        }
        int n = Math.max(agents, prev.length * 2);
        prev = Arrays.copyOf(prev, n);
        next = Arrays.copyOf(next, n);
        groupOf = Arrays.copyOf(groupOf, n);
        orderKey = Arrays.copyOf(orderKey, n);
        listed = Arrays.copyOf(listed, n);
    }

    int size() {
        return size;
    }

    boolean isListed(int ordinal) {
        return ordinal < listed.length && listed[ordinal];
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

    int next(int ordinal) {
        return next[ordinal];
    }

    /** Whether the agent is listed with exactly these keys at the tail of its group (nothing to move). */
    boolean isInPlace(int ordinal, int group, long order) {
        if (!listed[ordinal]) {
            return false;
        }
        int g = groupOf[ordinal];
        return groupKeys[g] == group && orderKey[ordinal] == order;
    }

    void unlink(int ordinal) {
        if (!listed[ordinal]) {
            return;
        }
        int g = groupOf[ordinal];
        int p = prev[ordinal];
        int n = next[ordinal];
        if (p == NONE) {
            heads[g] = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tails[g] = p;
        } else {
            prev[n] = p;
        }
        listed[ordinal] = false;
        groupSizes[g]--;
        size--;
    }

    /** Links the agent into group {@code group} at the place of {@code order}, searching from the tail. */
    void link(int ordinal, int group, long order) {
        int g = groupIndex(group);
        int after = tails[g];
        while (after != NONE && orderKey[after] > order) {
            after = prev[after];
        }
        int before = after == NONE ? heads[g] : next[after];
        prev[ordinal] = after;
        next[ordinal] = before;
        if (after == NONE) {
            heads[g] = ordinal;
        } else {
            next[after] = ordinal;
        }
        if (before == NONE) {
            tails[g] = ordinal;
        } else {
            prev[before] = ordinal;
        }
        groupOf[ordinal] = g;
        orderKey[ordinal] = order;
        listed[ordinal] = true;
        groupSizes[g]++;
        size++;
    }

    /** Index of the group with key {@code group}, created when missing. */
    private int groupIndex(int group) {
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
            groupSizes = Arrays.copyOf(groupSizes, n);
        }
        int at = lo;
        System.arraycopy(groupKeys, at, groupKeys, at + 1, groupCount - at);
        System.arraycopy(heads, at, heads, at + 1, groupCount - at);
        System.arraycopy(tails, at, tails, at + 1, groupCount - at);
        System.arraycopy(groupSizes, at, groupSizes, at + 1, groupCount - at);
        groupKeys[at] = group;
        heads[at] = NONE;
        tails[at] = NONE;
        groupSizes[at] = 0;
        groupCount++;
        // shift the group index of every listed agent in later groups
        for (int o = 0; o < listed.length; o++) {
            if (listed[o] && groupOf[o] >= at) {
                groupOf[o]++;
            }
        }
        return at;
    }
}
