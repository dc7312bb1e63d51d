package io.supportkit.benchmarks.routing;

import io.supportkit.routing.AgentProfile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline: how Chatwoot-style auto-assignment picks an agent, done in memory. For every task it scans all
 * agents, keeps those online with spare capacity who have the skill at the level and the language, and takes
 * the one idle the longest; release decrements the load. Not thread-safe (single-threaded baseline).
 */
final class LinearScanRouter {
    private static final class Agent {
        final String id;
        final Map<String, Integer> skills;
        final java.util.Set<String> languages;
        final int capacity;
        boolean online = true;
        int load;
        long lastActivity;

        Agent(AgentProfile p, long seq) {
            this.id = p.id();
            this.skills = p.skills();
            this.languages = p.languages();
            this.capacity = p.capacity("chat");
            this.lastActivity = seq;
        }
    }

    private final Agent[] agents;
    private final Map<String, Agent> byTask = new HashMap<>();
    private long seq;

    LinearScanRouter(List<AgentProfile> profiles) {
        agents = new Agent[profiles.size()];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = new Agent(profiles.get(i), ++seq);
        }
    }

    /** Returns the chosen agent id, or null when nobody is eligible. */
    String assign(String taskId, String skill, int minLevel, String language) {
        Agent best = null;
        for (Agent a : agents) {
            if (!a.online || a.load >= a.capacity || !a.languages.contains(language)) {
                continue;
            }
            Integer level = a.skills.get(skill);
            if (level == null || level < minLevel) {
                continue;
            }
            if (best == null || a.lastActivity < best.lastActivity) {
                best = a;
            }
        }
        if (best == null) {
            return null;
        }
        best.load++;
        best.lastActivity = ++seq;
        byTask.put(taskId, best);
        return best.id;
    }

    void release(String taskId) {
        Agent a = byTask.remove(taskId);
        if (a != null) {
            a.load--;
            a.lastActivity = ++seq;
        }
    }
}
