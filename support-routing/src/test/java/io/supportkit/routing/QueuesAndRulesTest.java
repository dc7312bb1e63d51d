package io.supportkit.routing;

import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.supportkit.routing.Fixtures.agent;
import static io.supportkit.routing.Fixtures.available;
import static io.supportkit.routing.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;

class QueuesAndRulesTest {
    private final VirtualClock clock = Fixtures.clock();
    private final Fixtures.Recorder events = new Fixtures.Recorder();

    private Router.Builder base() {
        return Router.builder().clock(clock).listener(events)
                .queue(RoutingQueue.of("vip"))
                .queue(RoutingQueue.of("general"))
                .defaultQueue("general");
    }

    @Test
    void shouldUseTheFirstMatchingRuleTopToBottom() {
        Router router = base()
                .rule(RoutingRule.builder("gold").when(TaskCondition.customerTier("gold"))
                        .step(RoutingStep.to("vip")).build())
                .rule(RoutingRule.builder("gold-billing").when(TaskCondition.intent("billing"))
                        .step(RoutingStep.to("general")).build())
                .build();

        RoutingDecision d = router.submit(Task.builder("t", "chat").customerTier("gold").intent("billing").build());

        assertThat(d.rule()).isEqualTo("gold");
        assertThat(d.queueId()).isEqualTo("vip");
        assertThat(router.submit(Task.builder("u", "chat").build()).rule()).isEqualTo("default");
    }

    @Test
    void shouldOverflowToTheNextStepWhenTheStepTimesOutByTaskAge() {
        Router router = base()
                .rule(RoutingRule.builder("r")
                        .step(RoutingStep.to("vip").agents(AgentFilter.tierAtLeast(2)).timeout(Duration.ofSeconds(30)))
                        .step(RoutingStep.to("general").timeout(Duration.ofMinutes(5)))
                        .build())
                .build();
        router.upsertAgent(AgentProfile.builder("junior").tier(1).capacity("chat", 1).build());
        available(router, "junior");

        RoutingDecision d = router.submit(Task.builder("t", "chat").build());
        assertThat(d.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(d.explanation().considered()).singleElement()
                .satisfies(v -> assertThat(v.rejection()).isEqualTo(Rejection.STEP_FILTER));

        clock.advance(Duration.ofSeconds(29));
        assertThat(router.tick()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<RoutingDecision> after = router.tick();

        assertThat(after).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.ASSIGNED);
            assertThat(x.step()).isEqualTo(1);
            assertThat(x.agentId()).isEqualTo("junior");
        });
        assertThat(events.of(RoutingEvent.TaskOverflowed.class)).singleElement()
                .satisfies(e -> assertThat(e.toQueueId()).isEqualTo("general"));
        assertThat(router.queueStats("vip").overflowedOut()).isEqualTo(1);
    }

    @Test
    void shouldFallBackToATicketPastTheLastStep() {
        Router router = base()
                .rule(RoutingRule.builder("r").step(RoutingStep.to("vip").timeout(Duration.ofSeconds(10))).build())
                .build();
        router.submit(Task.builder("t", "chat").build());

        clock.advance(Duration.ofSeconds(10));
        List<RoutingDecision> after = router.tick();

        assertThat(after).singleElement().satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(Outcome.FELL_BACK);
            assertThat(x.fallback()).isEqualTo(Fallback.ticket());
        });
        assertThat(router.task("t")).isEmpty();
        assertThat(events.of(RoutingEvent.TaskFellBack.class)).hasSize(1);
        assertThat(router.queueStats("vip").fellBack()).isEqualTo(1);
        assertThat(router.nextDeadline()).isEmpty();
    }

    @Test
    void shouldFallBackToACallbackOrADefaultQueueAsConfigured() {
        Router router = base()
                .rule(RoutingRule.builder("cb").when(TaskCondition.channel("voice"))
                        .step(RoutingStep.to("vip").timeout(Duration.ofSeconds(10))).fallback(Fallback.callback()).build())
                .rule(RoutingRule.builder("q").step(RoutingStep.to("vip").timeout(Duration.ofSeconds(10)))
                        .fallback(Fallback.queue("general")).build())
                .build();
        router.submit(Task.builder("call", "voice").build());
        router.submit(Task.builder("chat", "chat").build());

        clock.advance(Duration.ofSeconds(11));
        List<RoutingDecision> after = router.tick();

        assertThat(after).extracting(RoutingDecision::taskId, RoutingDecision::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("call", Outcome.FELL_BACK),
                        org.assertj.core.groups.Tuple.tuple("chat", Outcome.QUEUED));
        assertThat(router.task("chat").orElseThrow().queueId()).isEqualTo("general");
        router.upsertAgent(AgentProfile.builder("ana").capacity("chat", 1).build());
        assertThat(router.setPresence("ana", Presence.AVAILABLE)).singleElement()
                .satisfies(d -> assertThat(d.taskId()).isEqualTo("chat"));
    }

    @Test
    void shouldDropOptionalSkillsAfterTheirOwnTimeout() {
        Router router = base().build();
        router.upsertAgent(agent("generalist", "en", "orders", 5, 1));
        available(router, "generalist");

        RoutingDecision d = router.submit(Task.builder("t", "chat").language("en").requireSkill("orders", 1)
                .preferSkill("vip-care", 5, Duration.ofSeconds(20)).build());
        assertThat(d.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(router.skillStats("vip-care").waiting()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(20));
        assertThat(router.tick()).singleElement().satisfies(x -> assertThat(x.agentId()).isEqualTo("generalist"));
    }

    @Test
    void shouldServeHigherPriorityFirstThenOlderWithinAPriority() {
        Router router = base().build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.submit(Task.builder("old-low", "chat").build());
        clock.advance(Duration.ofSeconds(1));
        router.submit(Task.builder("new-high", "chat").priority(5).build());
        clock.advance(Duration.ofSeconds(1));
        router.submit(Task.builder("newer-high", "chat").priority(5).build());

        List<String> order = new ArrayList<>();
        var first = router.setPresence("ana", Presence.AVAILABLE);
        order.add(first.get(0).taskId());
        for (int i = 0; i < 2; i++) {
            order.add(router.release(order.get(order.size() - 1)).get(0).taskId());
        }

        assertThat(order).containsExactly("new-high", "newer-high", "old-low");
    }

    @Test
    void shouldKeepPriorityThenAgeOrderWhenLanesEmptyAndFillAgain() {
        Router router = base().build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        ReusableDecision d = new ReusableDecision();
        // lanes emptied by cancels many times over: each round queues a task of two priorities and withdraws them
        for (int round = 0; round < 50; round++) {
            assertThat(router.submit(Task.builder("gone-" + round, "chat").build(), d)).isEqualTo(Outcome.QUEUED);
            assertThat(router.submit(Task.builder("gone-high-" + round, "chat").priority(3).build(), d))
                    .isEqualTo(Outcome.QUEUED);
            router.cancel("gone-high-" + round);
            router.cancel("gone-" + round);
        }
        assertThat(router.queueStats("general").waiting()).isZero();
        router.submit(Task.builder("a-low", "chat").build());
        clock.advance(Duration.ofSeconds(1));
        router.submit(Task.builder("b-high", "chat").priority(3).build());
        clock.advance(Duration.ofSeconds(1));
        router.submit(Task.builder("c-low", "chat").build());
        router.submit(Task.builder("d-high", "chat").priority(3).build());
        // withdrawn and submitted again with its original time: back before c-low, not behind it
        Task aLow = router.task("a-low").orElseThrow().task();
        router.cancel("a-low");
        router.submit(aLow.toBuilder().createdAt(Fixtures.T0).build());
        assertThat(router.queueStats("general").waiting()).isEqualTo(4);
        assertThat(router.queueStats("general").oldestWait()).isEqualTo(Duration.ofSeconds(2));

        List<String> order = new ArrayList<>();
        order.add(router.setPresence("ana", Presence.AVAILABLE).get(0).taskId());
        for (int i = 0; i < 3; i++) {
            order.add(router.release(order.get(order.size() - 1)).get(0).taskId());
        }

        assertThat(order).containsExactly("b-high", "d-high", "a-low", "c-low");
        assertThat(router.queueStats("general").waiting()).isZero();
    }

    @Test
    void shouldAgePriorityUpwardsSoLowPriorityTasksDoNotStarve() {
        Router router = Router.builder().clock(clock)
                .queue(RoutingQueue.builder("q").priorityAging(Duration.ofMinutes(1), 10).build())
                .defaultQueue("q").build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.submit(Task.builder("low", "chat").priority(0).build());
        clock.advance(Duration.ofMinutes(4));
        router.submit(Task.builder("high", "chat").priority(3).build());

        // low has aged to 4, above high's 3
        assertThat(router.setPresence("ana", Presence.AVAILABLE).get(0).taskId()).isEqualTo("low");
    }

    @Test
    void shouldKeepTheOriginalAgeWhenATaskIsResubmitted() {
        Router router = base().build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.submit(Task.builder("first", "chat").build());
        clock.advance(Duration.ofMinutes(1));
        router.submit(Task.builder("second", "chat").build());
        Task original = router.task("first").orElseThrow().task();
        router.cancel("first");
        router.submit(original.toBuilder().createdAt(Fixtures.T0).build());

        assertThat(router.setPresence("ana", Presence.AVAILABLE).get(0).taskId()).isEqualTo("first");
    }

    @Test
    void shouldReportQueueStatisticsForEstimatedWait() {
        Router router = base().build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");
        assertThat(router.queueStats("general").estimatedWait()).isEqualTo(Duration.ZERO);

        router.submit(Task.builder("t1", "chat").build());
        clock.advance(Duration.ofMinutes(4));
        router.release("t1");
        router.submit(Task.builder("t2", "chat").build());
        router.submit(Task.builder("t3", "chat").build());
        clock.advance(Duration.ofSeconds(30));

        QueueStats s = router.queueStats("general");
        assertThat(s.waiting()).isEqualTo(1);
        assertThat(s.assigned()).isEqualTo(1);
        assertThat(s.oldestWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.availableAgents()).isZero();
        assertThat(s.staffedAgents()).isEqualTo(1);
        assertThat(s.averageHandle()).isEqualTo(Duration.ofMinutes(4));
        // (1 waiting + 1) x 4 min / 1 staffed agent
        assertThat(s.estimatedWait()).isEqualTo(Duration.ofMinutes(8));
        assertThat(router.skillStats("s").staffedAgents()).isEqualTo(1);
        assertThat(router.stats().waiting()).isEqualTo(1);
    }

    @Test
    void shouldRejectABuilderWhoseRuleTargetsAnUndeclaredQueue() {
        var b = base().rule(RoutingRule.builder("r").step(RoutingStep.to("nowhere")).build());
        org.assertj.core.api.Assertions.assertThatThrownBy(b::build)
                .isInstanceOf(io.supportkit.ConfigurationException.class).hasMessageContaining("nowhere");
    }

    @Test
    void shouldRejectStepTimeoutsThatDoNotGrow() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RoutingRule.builder("r")
                        .step(RoutingStep.to("a").timeout(Duration.ofSeconds(30)))
                        .step(RoutingStep.to("b").timeout(Duration.ofSeconds(30))).build())
                .isInstanceOf(io.supportkit.ConfigurationException.class).hasMessageContaining("must grow");
    }
}
