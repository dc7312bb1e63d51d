package io.supportkit.core;

import io.supportkit.IllegalTransitionException;
import io.supportkit.core.sla.EscalationAction;
import io.supportkit.core.sla.SlaMetric;
import io.supportkit.core.sla.SlaPolicies;
import io.supportkit.core.sla.SlaPolicy;
import io.supportkit.core.sla.TimeBasis;
import io.supportkit.routing.AgentProfile;
import io.supportkit.routing.Presence;
import io.supportkit.routing.Router;
import io.supportkit.routing.RoutingQueue;
import io.supportkit.routing.TaskPhase;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.supportkit.core.EngineFixture.web;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers, agents and a timer thread hammering one engine with routing and SLA escalations on: no deadlock,
 * no unexpected error, and afterwards the router and the conversations agree on who holds what.
 */
class EngineStressTest {

    @Test
    void shouldStayConsistentUnderConcurrentCustomersAgentsAndTimers() throws Exception {
        SlaPolicy chat = SlaPolicy.builder("chat")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(2), TimeBasis.CALENDAR)
                .onBreach(EscalationAction.raisePriority())
                .reassignIfNoReplyWithin(Duration.ofMinutes(3))
                .build();
        EngineFixture f = new EngineFixture(SupportEngine.builder()
                .sla(SlaPolicies.of(chat))
                .routing(Router.builder().queue(RoutingQueue.of("general")).defaultQueue("general")));
        Router router = f.engine.router().orElseThrow();
        for (String agent : List.of("ana", "bora", "cem")) {
            router.upsertAgent(AgentProfile.builder(agent).languages("en").capacity("web", 2).build());
            router.setPresence(agent, Presence.AVAILABLE);
        }
        Set<ConversationId> seen = ConcurrentHashMap.newKeySet();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    go.await();
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    for (int i = 0; i < 500; i++) {
                        String customer = "c" + rnd.nextInt(12);
                        try {
                            ConversationId id = f.say(web(customer), "message " + worker + ":" + i).conversation().id();
                            seen.add(id);
                            Conversation c = f.engine.conversations().get(f.tenant, id);
                            AgentId agent = c.assignee().orElse(AgentId.of(List.of("ana", "bora", "cem").get(rnd.nextInt(3))));
                            switch (rnd.nextInt(5)) {
                                case 0 -> f.engine.conversations().reply(f.tenant, id, AgentMessage.of(agent, "ok"));
                                case 1 -> f.engine.conversations().resolve(f.tenant, id, agent);
                                case 2 -> f.engine.conversations().awaitCustomer(f.tenant, id, agent);
                                case 3 -> f.engine.conversations().note(f.tenant, id, AgentMessage.of(agent, "n"));
                                default -> { }
                            }
                        } catch (IllegalTransitionException expectedRace) {
                            // another thread moved the conversation first: a legitimate refusal
                        } catch (Throwable t) {
                            unexpected.add(t);
                        }
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                go.await();
                while (running.get()) {
                    f.clock.advance(Duration.ofSeconds(20));
                    try {
                        f.engine.tick();
                    } catch (Throwable t) {
                        unexpected.add(t);
                    }
                    Thread.sleep(1);
                }
                return null;
            }));
            go.countDown();
            for (Future<?> fu : futures.subList(0, workers)) {
                fu.get(120, TimeUnit.SECONDS);
            }
            running.set(false);
            futures.get(workers).get(30, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        // the run really went through routing assignments and SLA escalations, not just the happy path
        assertThat(f.eventsOf(io.supportkit.core.event.AgentJoined.class)).isNotEmpty();
        assertThat(f.eventsOf(io.supportkit.core.event.ReturnedToQueue.class)
                .size() + f.eventsOf(io.supportkit.core.event.PriorityChanged.class).size()).isPositive();
        for (ConversationId id : seen) {
            Conversation c = f.engine.conversations().get(f.tenant, id);
            Optional<io.supportkit.routing.TaskStatus> task = router.task(id.value());
            if (c.assignee().isPresent() && task.isPresent()) {
                assertThat(task.get().agentId()).as("router's holder of %s", id).isEqualTo(c.assignee().get().value());
            }
            if (!c.status().isActive()) {
                assertThat(task).as("task of finished %s", id).isEmpty();
            }
            if (c.status().isActive() && c.assignee().isEmpty()) {
                assertThat(task.map(s -> s.phase())).as("task of waiting %s", id)
                        .hasValueSatisfying(p -> assertThat(p).isNotEqualTo(TaskPhase.ASSIGNED));
            }
            List<Message> transcript = f.transcript(id);
            for (int i = 0; i < transcript.size(); i++) {
                assertThat(transcript.get(i).sequence()).isEqualTo(i + 1L);
            }
        }
        for (String agent : List.of("ana", "bora", "cem")) {
            long routed = seen.stream().map(id -> router.task(id.value()))
                    .filter(t -> t.isPresent() && t.get().phase() != TaskPhase.WAITING
                            && agent.equals(t.get().agentId()))
                    .count();
            assertThat(routed).as("tasks the router gave %s (capacity 2)", agent).isLessThanOrEqualTo(2);
        }
    }
}
