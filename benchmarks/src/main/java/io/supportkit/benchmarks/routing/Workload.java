package io.supportkit.benchmarks.routing;

import io.supportkit.routing.AgentProfile;
import io.supportkit.routing.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A skewed, reproducible routing workload shared by the indexed router and the linear-scan baseline: agents
 * with 1 or 4 skills out of 20 (popular skills more common), 1 or 3 languages out of 5 (English most common),
 * chat capacity 1, 5 or 50; tasks need one skill at a level and one language, drawn from the same skew.
 */
final class Workload {
    static final String[] SKILLS = new String[20];
    static final String[] LANGUAGES = {"en", "tr", "fa", "de", "ar"};
    static final int TASK_KINDS = 1024;

    static {
        for (int i = 0; i < SKILLS.length; i++) {
            SKILLS[i] = "skill-" + i;
        }
    }

    final List<AgentProfile> agents = new ArrayList<>();
    final int[] taskSkill = new int[TASK_KINDS];
    final int[] taskLevel = new int[TASK_KINDS];
    final int[] taskLanguage = new int[TASK_KINDS];

    Workload(int agentCount, int skillsPerAgent, int languagesPerAgent, int capacity) {
        SplittableRandom rnd = new SplittableRandom(20260805L);
        for (int i = 0; i < agentCount; i++) {
            AgentProfile.Builder b = AgentProfile.builder("agent-" + i).capacity("chat", capacity);
            int first = skewed(rnd, SKILLS.length);
            for (int s = 0; s < skillsPerAgent; s++) {
                b.skill(SKILLS[(first + s * 7) % SKILLS.length], 3 + rnd.nextInt(8));
            }
            int lang = skewed(rnd, LANGUAGES.length);
            for (int l = 0; l < languagesPerAgent; l++) {
                b.languages(LANGUAGES[(lang + l) % LANGUAGES.length]);
            }
            agents.add(b.build());
        }
        for (int k = 0; k < TASK_KINDS; k++) {
            taskSkill[k] = skewed(rnd, SKILLS.length);
            taskLevel[k] = rnd.nextInt(6);
            taskLanguage[k] = skewed(rnd, LANGUAGES.length);
        }
    }

    /** A 1/(rank+1)-ish skew: index 0 is the most common. */
    static int skewed(SplittableRandom rnd, int n) {
        double u = rnd.nextDouble();
        int i = (int) Math.floor(Math.pow(n + 1, u)) - 1;
        return Math.min(n - 1, Math.max(0, i));
    }

    Task task(String id, int kind) {
        return Task.builder(id, "chat").language(LANGUAGES[taskLanguage[kind]])
                .requireSkill(SKILLS[taskSkill[kind]], taskLevel[kind]).build();
    }
}
