package io.supportkit.routing;

import io.supportkit.IllegalTransitionException;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several host threads submit, accept, reject, release, cancel and transfer tasks, toggle presence and tick the
 * clock on one router at once; afterwards every invariant must hold: no task lost or held twice, no capacity
 * overrun, the router's counters agree with the tasks, and no task waits while an agent could take it.
 */
class RouterConcurrencyStressTest {
    private static final int THREADS = 4;
    private static final int OPS_PER_THREAD = 20_000;
    private static final int AGENTS = 40;
    private static final String[] SKILLS = {"billing", "orders", "tech"};

    @Test
    void shouldKeepAllInvariantsWhenManyThreadsRouteAtOnce() throws Exception {
        VirtualClock clock = Fixtures.clock();
        AtomicLong events = new AtomicLong();
        Router router = Router.builder().clock(clock)
                .queue(RoutingQueue.builder("offers").offerTimeout(Duration.ofSeconds(5))
                        .strategy(RoutingStrategy.LEAST_LOADED).build())
                .queue(RoutingQueue.of("direct"))
                .rule(RoutingRule.builder("offered").when(TaskCondition.priorityAtLeast(1))
                        .step(RoutingStep.to("offers").timeout(Duration.ofSeconds(20)))
                        .step(RoutingStep.to("direct").timeout(Duration.ofSeconds(60)))
                        .fallback(Fallback.queue("direct")).build())
                .defaultQueue("direct")
                .listener(e -> events.incrementAndGet())
                .build();
        Map<String, AgentProfile> profiles = new HashMap<>();
        for (int i = 0; i < AGENTS; i++) {
            AgentProfile p = AgentProfile.builder("a" + i).skill(SKILLS[i % 3], 1 + i % 10).skill(SKILLS[(i + 1) % 3], 5)
                    .languages(i % 2 == 0 ? "en" : "tr").capacity("chat", 1 + i % 3).capacity("voice", 2)
                    .totalCapacity(3).build();
            profiles.put(p.id(), p);
            router.upsertAgent(p);
            router.setPresence(p.id(), Presence.AVAILABLE);
        }
        Map<String, Task> live = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < THREADS; n++) {
            int me = n;
            Thread t = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(42 + me);
                List<String> mine = new ArrayList<>();
                try {
                    start.await();
                    for (int i = 0; i < OPS_PER_THREAD; i++) {
                        int op = rnd.nextInt(100);
                        if (op < 35) {
                            Task task = Task.builder("t" + me + "-" + i, rnd.nextInt(5) == 0 ? "voice" : "chat")
                                    .language(rnd.nextBoolean() ? "en" : "tr").priority(rnd.nextInt(2))
                                    .requireSkill(SKILLS[rnd.nextInt(3)], rnd.nextInt(6))
                                    .build();
                            live.put(task.id(), task);
                            mine.add(task.id());
                            router.submit(task);
                        } else if (op < 80 && !mine.isEmpty()) {
                            String id = mine.get(rnd.nextInt(mine.size()));
                            TaskStatus s = router.task(id).orElseThrow();
                            try {
                                if (s.phase() == TaskPhase.ASSIGNED) {
                                    if (rnd.nextInt(10) == 0) {
                                        router.transfer(id, TransferTarget.queue("direct"));
                                    } else {
                                        live.remove(id);
                                        mine.remove(id);
                                        router.release(id);
                                    }
                                } else if (s.phase() == TaskPhase.OFFERED) {
                                    if (rnd.nextBoolean()) {
                                        router.accept(id, s.agentId());
                                    } else {
                                        router.reject(id, s.agentId());
                                    }
                                } else if (rnd.nextInt(4) == 0) {
                                    live.remove(id);
                                    mine.remove(id);
                                    router.cancel(id);
                                }
                            } catch (IllegalTransitionException raced) {
                                // the offer expired on the ticking thread between our read and our call: legal
                            }
                        } else if (op < 92) {
                            String agent = "a" + rnd.nextInt(AGENTS);
                            router.setPresence(agent, rnd.nextInt(3) == 0 ? Presence.AWAY : Presence.AVAILABLE);
                        } else if (me == 0) {
                            clock.advance(Duration.ofSeconds(1 + rnd.nextInt(3)));
                            router.tick();
                        } else {
                            router.queueStats(rnd.nextBoolean() ? "direct" : "offers");
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();

        for (String id : profiles.keySet()) {
            router.setPresence(id, Presence.AVAILABLE);
        }
        Map<String, Integer> open = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        int waiting = 0;
        for (Task task : live.values()) {
            TaskStatus s = router.task(task.id()).orElse(null);
            assertThat(s).as("task %s lost", task.id()).isNotNull();
            if (s.phase() == TaskPhase.WAITING) {
                waiting++;
                assertThat(router.diagnose(task.id())).allSatisfy(v -> assertThat(v.rejection()).isNotNull());
            } else {
                open.merge(s.agentId(), 1, Integer::sum);
                used.merge(s.agentId() + "/" + task.channel(), task.units(), Integer::sum);
                used.merge(s.agentId(), task.units(), Integer::sum);
            }
        }
        for (AgentProfile p : profiles.values()) {
            AgentStatus st = router.agent(p.id());
            assertThat(st.openTasks()).as("open tasks of %s", p.id()).isEqualTo(open.getOrDefault(p.id(), 0));
            assertThat(st.usedTotal()).isEqualTo(used.getOrDefault(p.id(), 0)).isLessThanOrEqualTo(p.totalCapacity());
            for (String ch : p.capacities().keySet()) {
                assertThat(st.usedUnits().get(ch)).isEqualTo(used.getOrDefault(p.id() + "/" + ch, 0))
                        .isLessThanOrEqualTo(p.capacity(ch));
            }
        }
        RouterStats stats = router.stats();
        assertThat(stats.waiting()).isEqualTo(waiting);
        assertThat(stats.waiting() + stats.offered() + stats.assigned()).isEqualTo(live.size());
        assertThat(stats.assignedTotal()).isPositive();
        assertThat(events.get()).isPositive();
    }
}
