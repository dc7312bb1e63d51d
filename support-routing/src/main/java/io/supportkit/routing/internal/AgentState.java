package io.supportkit.routing.internal;

import io.supportkit.routing.AgentProfile;
import io.supportkit.routing.Presence;

import java.util.BitSet;

/**
 * The router's mutable view of one agent: profile resolved to interned ids, presence and load. Not
 * thread-safe: guarded by the router's lock.
 */
final class AgentState {
    final int ordinal;
    AgentProfile profile;
    /** {@code profile.id()}, kept here so recording a decision does not load the profile. */
    String id;
    /**
     * Capacity and units in use per channel ({@code 2c} and {@code 2c + 1}), then the level of each skill
     * ({@code 2 * channelSlots + skill}, -1 when the agent lacks it). One array rather than three because a walk
     * reads capacity, load and skill level of every candidate it looks at: at 15,000 agents each of those reads is
     * a cache miss, and one array is one miss (the candidate's language bits are a field of this object).
     */
    private int[] hot = new int[0];
    private int channelSlots;
    private int skillSlots;
    /** Languages with an id below 64 (every realistic roster), one bit each; {@link #moreLanguages} the rest. */
    private long languageBits;
    private BitSet moreLanguages;
    int totalCap;
    int totalUsed;
    int openTasks;
    int[] customRanks = new int[0];

    Presence presence = Presence.OFFLINE;
    long presenceSinceMillis;
    long activitySeq;
    long assignSeq;
    long activityAtMillis;

    /** This agent's region in {@link IndexNodes}: its first node, its memberships, the nodes it can hold. */
    int nodeBase = IndexNodes.NONE;
    int nodeCount;
    int nodeCapacity;
    boolean removed;

    AgentState(int ordinal) {
        this.ordinal = ordinal;
    }

    int level(int skill) {
        return skill < skillSlots ? hot[2 * channelSlots + skill] : -1;
    }

    int cap(int channel) {
        return channel < channelSlots ? hot[2 * channel] : 0;
    }

    int used(int channel) {
        return channel < channelSlots ? hot[2 * channel + 1] : 0;
    }

    /** Channel ids below this may have a capacity or a load; the others have neither. */
    int channelSlots() {
        return channelSlots;
    }

    boolean speaks(int language) {
        if (language < Long.SIZE) {
            return (languageBits & (1L << language)) != 0;
        }
        return moreLanguages != null && moreLanguages.get(language);
    }

    void setLanguages(int[] ids) {
        languageBits = 0;
        moreLanguages = null;
        for (int id : ids) {
            if (id < Long.SIZE) {
                languageBits |= 1L << id;
            } else {
                if (moreLanguages == null) {
                    moreLanguages = new BitSet();
                }
                moreLanguages.set(id);
            }
        }
    }

    /**
     * Takes a new profile's capacities ({@code capacity[channel]}) and skill levels ({@code level[skill]}, -1 when
     * absent), keeping the units in use on every channel: an upsert keeps the load, even on a channel the new
     * profile no longer has (those tasks are still released later).
     */
    void setCapacitiesAndLevels(int[] capacity, int[] level) {
        int channels = capacity.length;
        for (int c = channels; c < channelSlots; c++) {
            if (used(c) != 0) {
                channels = c + 1;
            }
        }
        int[] next = new int[2 * channels + level.length];
        for (int c = 0; c < channels; c++) {
            next[2 * c] = c < capacity.length ? capacity[c] : 0;
            next[2 * c + 1] = used(c);
        }
        System.arraycopy(level, 0, next, 2 * channels, level.length);
        hot = next;
        channelSlots = channels;
        skillSlots = level.length;
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
        if (channel >= channelSlots) {
            // a channel without capacity: automatic routing never gets here; kept for safety, the rare path
            int[] capacity = new int[channel + 1];
            for (int c = 0; c < channelSlots; c++) {
                capacity[c] = cap(c);
            }
            int[] level = new int[skillSlots];
            for (int k = 0; k < skillSlots; k++) {
                level[k] = level(k);
            }
            setCapacitiesAndLevels(capacity, level);
        }
        hot[2 * channel + 1] += units;
        totalUsed += units;
    }
}
