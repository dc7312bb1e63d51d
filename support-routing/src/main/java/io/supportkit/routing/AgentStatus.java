package io.supportkit.routing;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of one agent's presence and load. Immutable and thread-safe.
 *
 * <pre>{@code
 * AgentStatus s = router.agent("ana");
 * boolean busy = s.atCapacity("chat");
 * }</pre>
 *
 * @param profile       the agent's profile
 * @param presence      current presence
 * @param presenceSince when the presence last changed
 * @param openTasks     tasks offered to or assigned to the agent
 * @param usedUnits     units in use per channel
 * @param usedTotal     units in use over all channels
 */
public record AgentStatus(AgentProfile profile, Presence presence, Instant presenceSince, int openTasks,
                          Map<String, Integer> usedUnits, int usedTotal) {
    public AgentStatus {
        usedUnits = Map.copyOf(usedUnits);
    }

    /** Spare units on {@code channel}, limited by the total capacity. */
    public int spare(String channel) {
        int used = usedUnits.getOrDefault(channel, 0);
        return Math.max(0, Math.min(profile.capacity(channel) - used, profile.totalCapacity() - usedTotal));
    }

    /** "With a customer, at capacity" (R7): no spare unit on {@code channel}. */
    public boolean atCapacity(String channel) {
        return spare(channel) == 0;
    }
}
