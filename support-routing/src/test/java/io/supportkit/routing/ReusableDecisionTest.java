package io.supportkit.routing;

import io.supportkit.ConflictException;
import io.supportkit.IllegalTransitionException;
import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.supportkit.routing.Fixtures.agent;
import static io.supportkit.routing.Fixtures.available;
import static io.supportkit.routing.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReusableDecisionTest {
    private final VirtualClock clock = Fixtures.clock();

    /** A router where "junior" (tier 1) is skipped by the step filter and "full" has no room, then "senior" wins. */
    private Router routerWithSkippedCandidates(int explainLimit) {
        Router router = Router.builder().clock(clock).explainLimit(explainLimit)
                .queue(RoutingQueue.of("q"))
                .rule(RoutingRule.builder("r").step(RoutingStep.to("q").agents(AgentFilter.tierAtLeast(2))).build())
                .build();
        router.upsertAgent(AgentProfile.builder("junior").tier(1).capacity("chat", 2).build());
        router.upsertAgent(AgentProfile.builder("senior").tier(2).capacity("chat", 2).build());
        available(router, "junior", "senior");
        return router;
    }

    @Test
    void shouldCarryTheSameDecisionAndExplanationAsTheImmutableDecision() {
        Router a = routerWithSkippedCandidates(16);
        Router b = routerWithSkippedCandidates(16);
        clock.advance(Duration.ofSeconds(5));
        Task task = Task.builder("t", "chat").build();

        RoutingDecision immutable = a.submit(task);
        ReusableDecision reusable = new ReusableDecision();
        Outcome outcome = b.submit(task, reusable);

        assertThat(outcome).isEqualTo(Outcome.ASSIGNED).isEqualTo(immutable.outcome());
        assertThat(reusable.toDecision()).usingRecursiveComparison().ignoringFields("explanation")
                .isEqualTo(immutable);
        assertThat(reusable.at()).isEqualTo(clock.instant());
        Explanation why = reusable.explanation();
        Explanation expected = immutable.explanation();
        assertThat(why.trigger()).isEqualTo(expected.trigger()).isEqualTo("submitted");
        assertThat(why.strategy()).isEqualTo(expected.strategy());
        assertThat(why.indexDescription()).isEqualTo(expected.indexDescription());
        assertThat(why.indexedCandidates()).isEqualTo(expected.indexedCandidates()).isEqualTo(2);
        assertThat(why.considered()).isEqualTo(expected.considered()).singleElement().satisfies(v -> {
            assertThat(v.agentId()).isEqualTo("junior");
            assertThat(v.rejection()).isEqualTo(Rejection.STEP_FILTER);
            assertThat(v.detail()).isEqualTo("agent expression of step 0 of rule 'r'");
        });
        assertThat(why.tieBreak()).isEqualTo(expected.tieBreak()).startsWith("longest-idle: idle for 5000 ms")
                .contains("first eligible of 2");
    }

    @Test
    void shouldExplainTheDecisionAsItWasMadeEvenAfterTheTaskLeftAndAgentsChanged() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("busy", "tr", "billing", 5, 1));
        router.upsertAgent(agent("ana", "tr", "billing", 5, 1));
        available(router, "busy", "ana");
        router.submit(chat("first", "tr", "billing", 1));      // goes to "busy" (idle longest), who is now full
        router.setPresence("busy", Presence.AVAILABLE);          // unchanged: still in the index, but full
        ReusableDecision d = new ReusableDecision();

        router.submit(chat("second", "tr", "billing", 1), d);
        router.release("second");
        router.release("first");
        router.setPresence("ana", Presence.AWAY);
        clock.advance(Duration.ofMinutes(10));

        assertThat(d.outcome()).isEqualTo(Outcome.ASSIGNED);
        assertThat(d.agentId()).isEqualTo("ana");
        assertThat(d.taskId()).isEqualTo("second");
        assertThat(d.explanation().tieBreak()).startsWith("longest-idle: idle for 0 ms").contains("first of 1");
        assertThat(d.explanation().indexDescription()).isEqualTo("longest-idle:chat/tr/billing");
    }

    @Test
    void shouldRecordTheDetailsOfRejectedCandidatesAtDecisionTime() {
        Router router = Router.builder().clock(clock)
                .queue(RoutingQueue.of("q"))
                .rule(RoutingRule.builder("r").step(RoutingStep.to("q").agents(AgentFilter.tierAtLeast(2))).build())
                .build();
        router.upsertAgent(AgentProfile.builder("weak").tier(2).skill("billing", 2).capacity("chat", 1).build());
        router.upsertAgent(AgentProfile.builder("ana").tier(2).skill("billing", 7).capacity("chat", 1).build());
        available(router, "weak", "ana");
        ReusableDecision d = new ReusableDecision();

        router.submit(Task.builder("t", "chat").requireSkill("billing", 5).build(), d);
        router.upsertAgent(AgentProfile.builder("weak").tier(2).skill("billing", 9).capacity("chat", 1).build());

        assertThat(d.explanation().considered()).singleElement().satisfies(v -> {
            assertThat(v.agentId()).isEqualTo("weak");
            assertThat(v.rejection()).isEqualTo(Rejection.SKILL_LEVEL);
            assertThat(v.detail()).isEqualTo("'billing' level 2 < 5");
        });
    }

    @Test
    void shouldCountCandidatesBeyondTheExplainLimit() {
        Router router = Router.builder().clock(clock).explainLimit(1)
                .queue(RoutingQueue.of("q"))
                .rule(RoutingRule.builder("r").step(RoutingStep.to("q").agents(AgentFilter.tierAtLeast(2))).build())
                .build();
        for (String id : new String[] {"j1", "j2", "j3"}) {
            router.upsertAgent(AgentProfile.builder(id).tier(1).capacity("chat", 1).build());
            available(router, id);
        }
        ReusableDecision d = new ReusableDecision();

        assertThat(router.submit(Task.builder("t", "chat").build(), d)).isEqualTo(Outcome.QUEUED);

        assertThat(d.queueId()).isEqualTo("q");
        assertThat(d.agentId()).isNull();
        assertThat(d.explanation().considered()).extracting(CandidateVerdict::agentId).containsExactly("j1");
        assertThat(d.explanation().notShown()).isEqualTo(2);
        assertThat(d.explanation().tieBreak()).isEqualTo("no eligible agent; waiting in q");
    }

    @Test
    void shouldReportOffersAndFallbacks() {
        Router router = Router.builder().clock(clock)
                .queue(RoutingQueue.builder("offers").offerTimeout(Duration.ofSeconds(20)).build())
                .rule(RoutingRule.builder("r").step(RoutingStep.to("offers").timeout(Duration.ofMinutes(1)))
                        .fallback(Fallback.callback()).build())
                .build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");
        ReusableDecision d = new ReusableDecision();

        assertThat(router.submit(Task.builder("offer", "chat").build(), d)).isEqualTo(Outcome.OFFERED);
        assertThat(d.offerExpiresAt()).isEqualTo(clock.instant().plusSeconds(20));
        assertThat(d.fallback()).isNull();

        Task old = Task.builder("old", "chat").createdAt(clock.instant().minus(Duration.ofMinutes(5))).build();
        assertThat(router.submit(old, d)).isEqualTo(Outcome.FELL_BACK);
        assertThat(d.fallback()).isEqualTo(Fallback.callback());
        assertThat(d.offerExpiresAt()).isNull();
        assertThat(d.agentId()).isNull();
        assertThat(d.explanation().tieBreak()).isEqualTo("no agent took the task in time");
        assertThat(router.task("old")).isEmpty();
    }

    @Test
    void shouldRouteTheSameTaskObjectAgainAsAFreshTaskOnceItLeft() {
        Router router = Router.builder().clock(clock)
                .queue(RoutingQueue.builder("offers").offerTimeout(Duration.ofSeconds(20)).build())
                .defaultQueue("offers")
                .build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");
        Task task = Task.builder("t", "chat").build();
        ReusableDecision d = new ReusableDecision();
        router.submit(task, d);
        router.reject("t", "ana");                 // ana is excluded for this task while it is in the router
        assertThat(router.task("t")).hasValueSatisfying(s -> assertThat(s.excluded()).containsExactly("ana"));
        router.cancel("t");

        assertThat(router.submit(task, d)).isEqualTo(Outcome.OFFERED);

        assertThat(d.agentId()).isEqualTo("ana");
        assertThat(router.task("t")).hasValueSatisfying(s -> {
            assertThat(s.excluded()).isEmpty();
            assertThat(s.transfers()).isZero();
        });
        assertThat(router.stats().submitted()).isEqualTo(2);
    }

    @Test
    void shouldLeaveTheHolderUnchangedWhenTheSubmitIsRejected() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");
        ReusableDecision d = new ReusableDecision();
        router.submit(Task.builder("t", "chat").build(), d);

        assertThatThrownBy(() -> router.submit(Task.builder("t", "chat").build(), d))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> router.submit(Task.builder("u", "chat").build(), null))
                .isInstanceOf(io.supportkit.InvalidInputException.class);

        assertThat(d.taskId()).isEqualTo("t");
        assertThat(d.outcome()).isEqualTo(Outcome.ASSIGNED);
    }

    @Test
    void shouldRefuseToExplainBeforeTheFirstDecision() {
        ReusableDecision d = new ReusableDecision();

        assertThat(d.outcome()).isNull();
        assertThatThrownBy(d::explanation).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(d::toDecision).isInstanceOf(IllegalTransitionException.class);
    }
}
