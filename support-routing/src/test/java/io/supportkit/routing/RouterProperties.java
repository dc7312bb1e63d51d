package io.supportkit.routing;

import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.time.VirtualClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants over random agents, tasks and event sequences. Each generated int decodes to one operation, so
 * jqwik can shrink a failing run to a short sequence.
 */
class RouterProperties {
    private static final String[] SKILLS = {"billing", "orders", "tech"};
    private static final String[] LANGS = {"en", "tr", "fa"};
    private static final String[] CHANNELS = {"chat", "voice"};
    private static final Presence[] PRESENCES = Presence.values();
    private static final RoutingStrategy[] STRATEGIES = {RoutingStrategy.LONGEST_IDLE, RoutingStrategy.LEAST_LOADED,
            RoutingStrategy.ROUND_ROBIN, RoutingStrategy.MOST_SKILLED};

    /** What the test knows independently of the router. */
    private static final class Model {
        final VirtualClock clock = Fixtures.clock();
        final Router router;
        final Map<String, AgentProfile> profiles = new LinkedHashMap<>();
        final Map<String, Presence> presence = new HashMap<>();
        final Map<String, Task> live = new LinkedHashMap<>();
        final List<String> agentIds = new ArrayList<>();
        int nextTask;

        Model(List<Integer> agentSeeds, int strategySeed, boolean offers) {
            RoutingQueue.Builder q = RoutingQueue.builder("q").strategy(STRATEGIES[strategySeed % STRATEGIES.length]);
            if (offers) {
                q.offerTimeout(Duration.ofSeconds(15));
            }
            router = Router.builder().clock(clock).queue(q.build()).queue(RoutingQueue.of("overflow"))
                    .rule(RoutingRule.builder("r").when(TaskCondition.priorityAtLeast(1))
                            .step(RoutingStep.to("q").agents(AgentFilter.tierAtLeast(1)).timeout(Duration.ofSeconds(30)))
                            .step(RoutingStep.to("overflow").timeout(Duration.ofMinutes(2)))
                            .fallback(Fallback.queue("q")).build())
                    .defaultQueue("q").build();
            int i = 0;
            for (int seed : agentSeeds) {
                String id = "a" + i++;
                AgentProfile.Builder b = AgentProfile.builder(id).tier(seed % 3);
                for (int s = 0; s < SKILLS.length; s++) {
                    if (((seed >> s) & 1) == 1) {
                        b.skill(SKILLS[s], (seed >> (3 + s)) % 11);
                    }
                }
                b.languages(LANGS[(seed >> 6) % 3]);
                if (((seed >> 8) & 1) == 1) {
                    b.languages(LANGS[(seed >> 9) % 3]);
                }
                b.capacity("chat", 1 + (seed >> 11) % 3);
                if (((seed >> 13) & 1) == 1) {
                    b.capacity("voice", 2).totalCapacity(2 + (seed >> 14) % 2);
                }
                AgentProfile p = b.build();
                profiles.put(id, p);
                agentIds.add(id);
                presence.put(id, Presence.OFFLINE);
                check(router.upsertAgent(p));
            }
        }

        void apply(int op) {
            int kind = op % 8;
            int arg = op / 8;
            switch (kind) {
                case 0, 1, 2 -> submit(arg);
                case 3 -> {
                    if (!agentIds.isEmpty()) {
                        String id = agentIds.get(arg % agentIds.size());
                        Presence p = arg % 3 == 0 ? PRESENCES[(arg / 3) % PRESENCES.length] : Presence.AVAILABLE;
                        presence.put(id, p);
                        check(router.setPresence(id, p));
                    }
                }
                case 4 -> {
                    String id = pick(arg, TaskPhase.ASSIGNED);
                    if (id != null) {
                        live.remove(id);
                        check(router.release(id));
                    }
                }
                case 5 -> {
                    String id = pick(arg, TaskPhase.OFFERED);
                    if (id != null) {
                        String agent = router.task(id).orElseThrow().agentId();
                        if (arg % 2 == 0) {
                            check(List.of(router.accept(id, agent)));
                        } else {
                            check(router.reject(id, agent));
                        }
                    }
                }
                case 6 -> {
                    clock.advance(Duration.ofSeconds(1 + arg % 40));
                    check(router.tick());
                }
                default -> {
                    String id = pick(arg, null);
                    if (id != null && arg % 3 == 0) {
                        live.remove(id);
                        check(router.cancel(id));
                    } else if (id != null && router.task(id).orElseThrow().phase() == TaskPhase.ASSIGNED
                            && !agentIds.isEmpty()) {
                        String target = agentIds.get(arg % agentIds.size());
                        if (!target.equals(router.task(id).orElseThrow().agentId())) {
                            check(router.transfer(id, arg % 2 == 0 ? TransferTarget.agent(target)
                                    : TransferTarget.queue("overflow")));
                        }
                    }
                }
            }
        }

        void submit(int arg) {
            Task.Builder b = Task.builder("t" + nextTask++, arg % 5 == 0 ? "voice" : "chat")
                    .priority((arg >> 3) % 3);
            int required = -1;
            if ((arg & 1) == 1) {
                required = (arg >> 5) % 3;
                b.requireSkill(SKILLS[required], (arg >> 7) % 8);
            }
            if (((arg >> 1) & 1) == 1) {
                b.language(LANGS[(arg >> 10) % 3]);
            }
            if (((arg >> 12) & 3) == 3) {
                int preferred = (arg >> 14) % 3;
                b.preferSkill(SKILLS[preferred == required ? (preferred + 1) % 3 : preferred], 5, Duration.ofSeconds(20));
            }
            if (((arg >> 16) & 3) == 3) {
                b.percentOfCapacity(100);
            } else if (((arg >> 16) & 3) == 2) {
                b.units(2);
            }
            if (((arg >> 18) & 1) == 1 && !agentIds.isEmpty()) {
                b.lastAgent(agentIds.get((arg >> 19) % agentIds.size()));
            }
            Task t = b.build();
            live.put(t.id(), t);
            RoutingDecision d = router.submit(t);
            check(List.of(d));
        }

        String pick(int arg, TaskPhase phase) {
            List<String> ids = new ArrayList<>();
            for (String id : live.keySet()) {
                if (phase == null || router.task(id).orElseThrow().phase() == phase) {
                    ids.add(id);
                }
            }
            return ids.isEmpty() ? null : ids.get(arg % ids.size());
        }

        /** Every assignment or offer went to an agent that was eligible by the model's own reckoning. */
        void check(List<RoutingDecision> decisions) {
            for (RoutingDecision d : decisions) {
                if (d.outcome() == Outcome.FELL_BACK) {
                    live.remove(d.taskId());
                    continue;
                }
                if (d.outcome() != Outcome.ASSIGNED && d.outcome() != Outcome.OFFERED) {
                    continue;
                }
                TaskStatus s = router.task(d.taskId()).orElseThrow();
                Task t = s.task();
                AgentProfile p = profiles.get(d.agentId());
                if (!"offer accepted".equals(d.explanation().trigger())) {
                    assertThat(presence.get(d.agentId())).as("presence of %s", d.agentId())
                            .isEqualTo(Presence.AVAILABLE);
                }
                assertThat(p.capacity(t.channel())).isPositive();
                boolean transferredToThem = s.transfers() > 0 && "transfer".equals(s.rule());
                if (!transferredToThem) {
                    if (t.language() != null) {
                        assertThat(p.languages()).contains(t.language());
                    }
                    for (SkillRequirement r : t.skills()) {
                        if (!r.isOptional()) {
                            assertThat(p.skillLevel(r.skill())).as("%s of %s", r.skill(), p.id())
                                    .isGreaterThanOrEqualTo(r.minLevel());
                        }
                    }
                }
                assertThat(s.excluded()).doesNotContain(d.agentId());
            }
        }

        void checkState() {
            Map<String, Integer> units = new HashMap<>();
            Map<String, Integer> open = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (Task t : live.values()) {
                TaskStatus s = router.task(t.id()).orElse(null);
                assertThat(s).as("task %s lost", t.id()).isNotNull();
                seen.add(t.id());
                if (s.phase() == TaskPhase.WAITING) {
                    assertThat(s.agentId()).isNull();
                    assertThat(router.diagnose(t.id())).as("task %s waits while an agent is eligible", t.id())
                            .allSatisfy(v -> assertThat(v.rejection()).isNotNull());
                } else {
                    AgentProfile p = profiles.get(s.agentId());
                    int cost = t.units() > 0 ? t.units() : Math.max(1, (p.totalCapacity() * t.percentOfCapacity() + 99) / 100);
                    units.merge(s.agentId() + "/" + t.channel(), cost, Integer::sum);
                    units.merge(s.agentId(), cost, Integer::sum);
                    open.merge(s.agentId(), 1, Integer::sum);
                }
            }
            for (String id : agentIds) {
                AgentStatus st = router.agent(id);
                AgentProfile p = profiles.get(id);
                assertThat(st.openTasks()).isEqualTo(open.getOrDefault(id, 0));
                assertThat(st.usedTotal()).isEqualTo(units.getOrDefault(id, 0)).isLessThanOrEqualTo(p.totalCapacity());
                for (String ch : CHANNELS) {
                    int used = st.usedUnits().getOrDefault(ch, 0);
                    assertThat(used).isEqualTo(units.getOrDefault(id + "/" + ch, 0)).isLessThanOrEqualTo(p.capacity(ch));
                }
            }
            RouterStats stats = router.stats();
            assertThat(stats.waiting() + stats.offered() + stats.assigned()).isEqualTo(live.size());
        }
    }

    @Property(tries = 300)
    void capacityIsNeverExceededOnlyEligibleAgentsAreChosenAndNoTaskIsLost(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 1 << 16) Integer> agents,
            @ForAll @Size(max = 80) List<@IntRange(min = 0, max = 1 << 24) Integer> ops,
            @ForAll @IntRange(min = 0, max = 7) int strategy) {
        Model m = new Model(agents, strategy, strategy >= 4);
        for (int op : ops) {
            m.apply(op);
            m.checkState();
        }
    }

    @Property(tries = 200)
    void tasksOfOnePriorityAreServedInArrivalOrder(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 2) Integer> priorities,
            @ForAll @IntRange(min = 1, max = 3) int capacity) {
        VirtualClock clock = Fixtures.clock();
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(AgentProfile.builder("ana").capacity("chat", capacity).build());
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < priorities.size(); i++) {
            Task t = Task.builder("t" + i, "chat").priority(priorities.get(i)).build();
            tasks.add(t);
            router.submit(t);
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> served = new ArrayList<>();
        List<RoutingDecision> batch = router.setPresence("ana", Presence.AVAILABLE);
        while (!batch.isEmpty()) {
            List<RoutingDecision> next = new ArrayList<>();
            for (RoutingDecision d : batch) {
                served.add(d.taskId());
            }
            for (RoutingDecision d : batch) {
                next.addAll(router.release(d.taskId()));
            }
            batch = next;
        }
        List<String> expected = tasks.stream()
                .sorted((a, b) -> a.priority() != b.priority() ? Integer.compare(b.priority(), a.priority())
                        : Integer.compare(Integer.parseInt(a.id().substring(1)), Integer.parseInt(b.id().substring(1))))
                .map(Task::id).toList();
        if (capacity == 1) {
            assertThat(served).containsExactlyElementsOf(expected);
        } else {
            // with capacity > 1 a batch is taken at once; within each priority the order is still arrival order
            for (int p = 0; p <= 2; p++) {
                int prio = p;
                List<String> servedP = served.stream().filter(id -> tasks.get(Integer.parseInt(id.substring(1)))
                        .priority() == prio).toList();
                List<String> expectedP = expected.stream().filter(id -> tasks.get(Integer.parseInt(id.substring(1)))
                        .priority() == prio).toList();
                assertThat(servedP).containsExactlyElementsOf(expectedP);
            }
        }
    }

    @Property(tries = 200)
    void thePreviousAgentGetsTheTaskWheneverEligible(
            @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 1 << 16) Integer> agents,
            @ForAll @IntRange(min = 0, max = 9) int previous,
            @ForAll @IntRange(min = 0, max = 7) int strategy) {
        Model m = new Model(agents, strategy, false);
        for (String id : m.agentIds) {
            m.router.setPresence(id, Presence.AVAILABLE);
        }
        String prev = m.agentIds.get(previous % m.agentIds.size());
        AgentProfile p = m.profiles.get(prev);
        Task.Builder b = Task.builder("t", "chat").lastAgent(prev);
        if (!p.skills().isEmpty()) {
            Map.Entry<String, Integer> skill = p.skills().entrySet().iterator().next();
            b.requireSkill(skill.getKey(), skill.getValue());
        }

        RoutingDecision d = m.router.submit(b.build());

        assertThat(d.agentId()).isEqualTo(prev);
    }
}
