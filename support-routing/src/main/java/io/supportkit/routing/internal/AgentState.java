package io.supportkit.routing.internal;

import io.supportkit.routing.AgentProfile;
import io.supportkit.routing.Presence;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The router's mutable view of one agent: profile resolved to interned ids, presence and load. Not
 * thread-safe: guarded by the router's lock.
 */
final class AgentState {
    final int ordinal;
    AgentProfile profile;
    int[] skillLevel = new int[0];
    final BitSet languages = new BitSet();
    int[] channelCap = new int[0];
    int[] channelUsed = new int[0];
    int totalCap;
    int totalUsed;
    int openTasks;
    int[] customRanks = new int[0];

    Presence presence = Presence.OFFLINE;
    long presenceSinceMillis;
    long activitySeq;
    long assignSeq;
    long activityAtMillis;

    Bucket[] buckets = new Bucket[4];
    int[] slots = new int[4];
    int bucketCount;
    boolean removed;

    AgentState(int ordinal) {
        this.ordinal = ordinal;
    }

    int level(int skill) {
        return skill < skillLevel.length ? skillLevel[skill] : -1;
    }

    int cap(int channel) {
        return channel < channelCap.length ? channelCap[channel] : 0;
    }

    int used(int channel) {
        return channel < channelUsed.length ? channelUsed[channel] : 0;
    }

    int spare(int channel) {
        return Math.min(cap(channel) - used(channel), totalCap - totalUsed);
    }

    /** Units a task costs this agent: fixed units, or a percentage of the total capacity rounded up. */
    int cost(int units, int percent) {
        if (units > 0) {
            return units;
        }
        return Math.max(1, (int) ((totalCap * (long) percent + 99) / 100));
    }

    void addUsed(int channel, int units) {
        if (channel >= channelUsed.length) {
            channelUsed = Arrays.copyOf(channelUsed, channel + 1);
        }
        channelUsed[channel] += units;
        totalUsed += units;
    }

    void addBucket(Bucket b) {
        if (bucketCount == buckets.length) {
            buckets = Arrays.copyOf(buckets, bucketCount * 2);
            slots = Arrays.copyOf(slots, bucketCount * 2);
        }
        slots[bucketCount] = b.addMember(ordinal);
        buckets[bucketCount++] = b;
    }

    /** Leaves every index (profile change or removal). */
    void clearBuckets() {
        for (int i = 0; i < bucketCount; i++) {
            buckets[i].removeMember(slots[i]);
        }
        Arrays.fill(buckets, 0, bucketCount, null);
        bucketCount = 0;
    }
}
