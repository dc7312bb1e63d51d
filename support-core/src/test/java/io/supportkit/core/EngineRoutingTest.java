package io.supportkit.core;

import io.supportkit.core.event.AgentJoined;
import io.supportkit.core.event.RoutingUpdate;
import io.supportkit.routing.AgentProfile;
import io.supportkit.routing.Presence;
import io.supportkit.routing.Router;
import io.supportkit.routing.RoutingEvent;
import io.supportkit.routing.RoutingQueue;
import io.supportkit.routing.TaskPhase;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.Phase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.supportkit.core.EngineFixture.web;
import static org.assertj.core.api.Assertions.assertThat;

class EngineRoutingTest {
    private final AgentId ana = AgentId.of("ana");
    private final AgentId bora = AgentId.of("bora");

    private EngineFixture engineWith(RoutingQueue queue) {
        EngineFixture f = new EngineFixture(SupportEngine.builder()
                .routing(Router.builder().queue(queue).defaultQueue(queue.id())));
        Router router = f.engine.router().orElseThrow();
        router.upsertAgent(AgentProfile.builder("ana").languages("en").capacity("web", 1).build());
        router.setPresence("ana", Presence.AVAILABLE);
        return f;
    }

    private Conversation get(EngineFixture f, ConversationId id) {
        return f.engine.conversations().get(f.tenant, id);
    }

    @Test
    void shouldGiveANewConversationToAnAvailableAgentAtOnce() {
        EngineFixture f = engineWith(RoutingQueue.of("general"));

        ConversationId id = f.say(web("v1"), "Where is my order?").conversation().id();

        assertThat(get(f, id).assignee()).contains(ana);
        assertThat(get(f, id).phase()).isEqualTo(Phase.HUMAN);
        assertThat(f.eventsOf(AgentJoined.class)).singleElement().satisfies(e -> assertThat(e.agent()).isEqualTo(ana));
        assertThat(f.eventsOf(RoutingUpdate.class)).extracting(RoutingUpdate::routing)
                .hasAtLeastOneElementOfType(RoutingEvent.TaskAssigned.class);
    }

    @Test
    void shouldQueueWhenAgentsAreFullAndAssignWhenCapacityIsFreed() {
        EngineFixture f = engineWith(RoutingQueue.of("general"));
        ConversationId first = f.say(web("v1"), "first").conversation().id();
        ConversationId second = f.say(web("v2"), "second").conversation().id();

        assertThat(get(f, second).assignee()).isEmpty();
        assertThat(f.engine.router().orElseThrow().task(second.value()).orElseThrow().phase())
                .isEqualTo(TaskPhase.WAITING);

        // resolving the first frees ana's capacity; the waiting conversation (another customer) goes to her
        f.engine.conversations().resolve(f.tenant, first, ana);

        assertThat(get(f, second).assignee()).contains(ana);
        assertThat(f.engine.router().orElseThrow().task(first.value())).isEmpty();
        assertThat(f.engine.router().orElseThrow().task(second.value()).orElseThrow().agentId()).isEqualTo("ana");
    }

    @Test
    void shouldJoinTheAgentWhoAcceptsAnOffer() {
        EngineFixture f = engineWith(RoutingQueue.builder("general").offerTimeout(Duration.ofSeconds(30)).build());
        ConversationId id = f.say(web("v1"), "hello").conversation().id();

        assertThat(get(f, id).assignee()).isEmpty();
        assertThat(f.eventsOf(RoutingUpdate.class)).extracting(RoutingUpdate::routing)
                .hasAtLeastOneElementOfType(RoutingEvent.TaskOffered.class);

        f.engine.router().orElseThrow().accept(id.value(), "ana");

        assertThat(get(f, id).assignee()).contains(ana);
    }

    @Test
    void shouldPreferTheAgentWhoServedTheCustomerBeforeWhenTheyWriteAgain() {
        EngineFixture f = engineWith(RoutingQueue.of("general"));
        Router router = f.engine.router().orElseThrow();
        router.upsertAgent(AgentProfile.builder("bora").languages("en").capacity("web", 5).build());
        router.setPresence("bora", Presence.AVAILABLE);
        ConversationId id = f.say(web("v1"), "first question").conversation().id();
        Conversation c = get(f, id);
        AgentId first = c.assignee().orElseThrow();
        f.engine.conversations().resolve(f.tenant, id, first);

        f.clock.advance(Duration.ofHours(1));
        f.say(web("v1"), "one more thing");

        assertThat(get(f, id).assignee()).contains(first);
    }

    @Test
    void shouldMoveTheRoutersCapacityWithATransfer() {
        EngineFixture f = engineWith(RoutingQueue.of("general"));
        Router router = f.engine.router().orElseThrow();
        router.upsertAgent(AgentProfile.builder("bora").languages("en").capacity("web", 3).build());
        router.setPresence("bora", Presence.AVAILABLE);
        ConversationId id = f.say(web("v1"), "refund please").conversation().id();
        AgentId holder = get(f, id).assignee().orElseThrow();
        AgentId other = holder.equals(ana) ? bora : ana;

        f.engine.conversations().transfer(f.tenant, id, other, "refunds");

        assertThat(get(f, id).assignee()).contains(other);
        assertThat(router.task(id.value()).orElseThrow().agentId()).isEqualTo(other.value());
        assertThat(f.eventsOf(RoutingUpdate.class)).extracting(RoutingUpdate::routing)
                .hasAtLeastOneElementOfType(RoutingEvent.TaskTransferred.class);
    }

    @Test
    void shouldWithdrawTheTaskWhenAnAgentTakesTheConversationByHand() {
        EngineFixture f = engineWith(RoutingQueue.of("general"));
        f.say(web("v1"), "first");
        ConversationId waiting = f.say(web("v2"), "second").conversation().id();

        f.engine.conversations().join(f.tenant, waiting, bora);

        assertThat(f.engine.router().orElseThrow().task(waiting.value())).isEmpty();
        assertThat(get(f, waiting).assignee()).contains(bora);
    }

    @Test
    void shouldFreeTheQueuePlaceAndCapacityOfAnErasedCustomer() {
        EngineFixture f = engineWith(RoutingQueue.of("general"));
        ReceiveResult holding = f.say(web("v1"), "first");
        ReceiveResult waiting = f.say(web("v2"), "second");
        Router router = f.engine.router().orElseThrow();
        assertThat(router.task(waiting.conversation().id().value())).isPresent();

        f.engine.customers().erase(f.tenant, waiting.conversation().customer());
        assertThat(router.task(waiting.conversation().id().value())).isEmpty();

        f.engine.customers().erase(f.tenant, holding.conversation().customer());
        assertThat(router.task(holding.conversation().id().value())).isEmpty();
        // ana's capacity is free again: the next customer gets her at once
        ConversationId next = f.say(web("v3"), "third").conversation().id();
        assertThat(get(f, next).assignee()).contains(ana);
    }

    @Test
    void shouldNeverGiveOneAgentMoreConversationsThanTheirCapacityUnderConcurrentTraffic() throws Exception {
        EngineFixture f = engineWith(RoutingQueue.of("general"));
        Router router = f.engine.router().orElseThrow();
        router.upsertAgent(AgentProfile.builder("bora").languages("en").capacity("web", 2).build());
        router.setPresence("bora", Presence.AVAILABLE);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 25; i++) {
                        ConversationId id = f.say(web("c-" + thread + "-" + i), "hi").conversation().id();
                        Conversation c = f.engine.conversations().get(f.tenant, id);
                        if (c.assignee().isPresent() && i % 2 == 0) {
                            f.engine.conversations().resolve(f.tenant, id, c.assignee().get());
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> fu : futures) {
                fu.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long anaHolds = countHeldBy(f, ana);
        long boraHolds = countHeldBy(f, bora);
        assertThat(anaHolds).isLessThanOrEqualTo(1);
        assertThat(boraHolds).isLessThanOrEqualTo(2);
        // the router and the conversations agree on who holds what
        for (var started : f.eventsOf(io.supportkit.core.event.ConversationStarted.class)) {
            Conversation c = get(f, started.conversation().id());
            var task = router.task(c.id().value());
            if (c.assignee().isPresent()) {
                assertThat(task).as("task of %s", c.id()).isPresent();
                assertThat(task.get().agentId()).isEqualTo(c.assignee().get().value());
            } else if (c.status().isActive()) {
                assertThat(task.map(s -> s.phase())).as("task of %s", c.id()).contains(TaskPhase.WAITING);
            } else {
                assertThat(task).as("task of resolved %s", c.id()).isEmpty();
            }
        }
    }

    private long countHeldBy(EngineFixture f, AgentId agent) {
        return f.eventsOf(io.supportkit.core.event.ConversationStarted.class).stream()
                .map(e -> f.engine.conversations().get(f.tenant, e.conversation().id()))
                .filter(c -> c.assignee().equals(java.util.Optional.of(agent)))
                .count();
    }
}
