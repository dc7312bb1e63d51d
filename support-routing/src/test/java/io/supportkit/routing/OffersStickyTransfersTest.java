package io.supportkit.routing;

import io.supportkit.IllegalTransitionException;
import io.supportkit.NotFoundException;
import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.supportkit.routing.Fixtures.agent;
import static io.supportkit.routing.Fixtures.available;
import static io.supportkit.routing.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffersStickyTransfersTest {
    private final VirtualClock clock = Fixtures.clock();
    private final Fixtures.Recorder events = new Fixtures.Recorder();

    private Router offering(Router.Builder extra) {
        return extra.clock(clock).listener(events)
                .queue(RoutingQueue.builder("q").offerTimeout(Duration.ofSeconds(20)).build())
                .defaultQueue("q").build();
    }

    @Test
    void shouldReserveCapacityWhileOfferedAndAssignOnAccept() {
        Router router = offering(Router.builder());
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");

        RoutingDecision d = router.submit(Task.builder("t", "chat").build());
        assertThat(d.outcome()).isEqualTo(Outcome.OFFERED);
        assertThat(d.offerExpiresAt()).isEqualTo(Fixtures.T0.plusSeconds(20));
        assertThat(router.submit(Task.builder("u", "chat").build()).outcome()).isEqualTo(Outcome.QUEUED);

        RoutingDecision accepted = router.accept("t", "ana");

        assertThat(accepted.outcome()).isEqualTo(Outcome.ASSIGNED);
        assertThat(router.task("t").orElseThrow().phase()).isEqualTo(TaskPhase.ASSIGNED);
        assertThat(events.of(RoutingEvent.TaskAssigned.class)).singleElement()
                .satisfies(e -> assertThat(e.agentId()).isEqualTo("ana"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(router.tick()).isEmpty();
    }

    @Test
    void shouldNeverReofferATaskToAnAgentWhoDeclinedIt() {
        Router router = offering(Router.builder());
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.upsertAgent(agent("bob", "en", "s", 1, 1));
        available(router, "ana");
        clock.advance(Duration.ofSeconds(1));
        available(router, "bob");

        assertThat(router.submit(Task.builder("t", "chat").build()).agentId()).isEqualTo("ana");
        List<RoutingDecision> after = router.reject("t", "ana");

        assertThat(after.get(0).agentId()).isEqualTo("bob");
        router.reject("t", "bob");
        assertThat(router.task("t").orElseThrow().phase()).isEqualTo(TaskPhase.WAITING);
        assertThat(router.task("t").orElseThrow().excluded()).containsExactlyInAnyOrder("ana", "bob");
        // capacity freed by the declines is not refilled with the same task
        router.setPresence("ana", Presence.AWAY);
        assertThat(router.setPresence("ana", Presence.AVAILABLE)).isEmpty();
        assertThat(events.of(RoutingEvent.OfferRejected.class)).hasSize(2);
    }

    @Test
    void shouldRequeueAtTheOriginalAgeAndOfferToTheNextAgentWhenAnOfferExpires() {
        Router router = offering(Router.builder().presenceAfterMissedOffer(Presence.IDLE));
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");
        router.submit(Task.builder("t", "chat").build());
        clock.advance(Duration.ofSeconds(5));
        router.upsertAgent(agent("bob", "en", "s", 1, 1));

        clock.advance(Duration.ofSeconds(15));
        List<RoutingDecision> after = router.tick();

        assertThat(after).singleElement().satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.QUEUED));
        assertThat(router.agent("ana").presence()).isEqualTo(Presence.IDLE);
        assertThat(router.agent("ana").openTasks()).isZero();
        assertThat(events.of(RoutingEvent.OfferExpired.class)).hasSize(1);
        assertThat(router.setPresence("bob", Presence.AVAILABLE)).singleElement()
                .satisfies(d -> assertThat(d.agentId()).isEqualTo("bob"));
        assertThat(router.task("t").orElseThrow().createdAt()).isEqualTo(Fixtures.T0);
    }

    @Test
    void shouldRejectAcceptByAnAgentTheTaskWasNotOfferedTo() {
        Router router = offering(Router.builder());
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.upsertAgent(agent("bob", "en", "s", 1, 0 + 1));
        available(router, "ana");
        router.submit(Task.builder("t", "chat").build());

        assertThatThrownBy(() -> router.accept("t", "bob")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("offered to 'ana'");
        assertThat(router.task("t").orElseThrow().phase()).isEqualTo(TaskPhase.OFFERED);
    }

    @Test
    void shouldPreferThePreviousAgentWhenEligibleEvenIfAnotherWasIdleLonger() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("idle-longest", "en", "s", 1, 2));
        router.upsertAgent(agent("ana", "en", "s", 1, 2));
        available(router, "idle-longest", "ana");

        RoutingDecision d = router.submit(Task.builder("t", "chat").customer("c1").lastAgent("ana").build());

        assertThat(d.agentId()).isEqualTo("ana");
        assertThat(d.explanation().tieBreak()).contains("sticky");
    }

    @Test
    void shouldHoldForThePreviousAgentWithinTheStickyWaitThenRouteToOthers() {
        Router router = Router.builder().clock(clock).stickyWait(Duration.ofSeconds(20)).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.upsertAgent(agent("bob", "en", "s", 1, 1));
        available(router, "ana", "bob");
        router.submit(Task.builder("busy", "chat").lastAgent("ana").build());

        RoutingDecision held = router.submit(Task.builder("t", "chat").lastAgent("ana").build());
        assertThat(held.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(held.explanation().tieBreak()).contains("held for previous agent ana");

        clock.advance(Duration.ofSeconds(20));
        assertThat(router.tick()).singleElement().satisfies(d -> assertThat(d.agentId()).isEqualTo("bob"));
    }

    @Test
    void shouldGiveAHeldTaskToThePreviousAgentWhenTheyFreeUp() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");
        router.submit(Task.builder("busy", "chat").build());
        router.submit(Task.builder("t", "chat").lastAgent("ana").build());

        assertThat(router.release("busy")).singleElement().satisfies(d -> assertThat(d.taskId()).isEqualTo("t"));
    }

    @Test
    void shouldNotWaitForAPreviousAgentWhoIsNotAvailable() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.upsertAgent(agent("bob", "en", "s", 1, 1));
        available(router, "bob");

        assertThat(router.submit(Task.builder("t", "chat").lastAgent("ana").build()).agentId()).isEqualTo("bob");
    }

    @Test
    void shouldTransferToATeamKeepingContextAndCountingIt() {
        Router router = Router.builder().clock(clock).listener(events).build();
        router.upsertAgent(AgentProfile.builder("ana").capacity("chat", 1).build());
        router.upsertAgent(AgentProfile.builder("payer").team("payments").capacity("chat", 1).build());
        available(router, "ana");
        Task task = Task.builder("t", "chat").intent("refund").attribute("order", "245-12784").build();
        router.submit(task);
        router.setPresence("payer", Presence.AVAILABLE);

        List<RoutingDecision> after = router.transfer("t", TransferTarget.team("payments"));

        assertThat(after.get(0).agentId()).isEqualTo("payer");
        TaskStatus s = router.task("t").orElseThrow();
        assertThat(s.task()).isSameAs(task);
        assertThat(s.transfers()).isEqualTo(1);
        assertThat(s.excluded()).containsExactly("ana");
        assertThat(router.agent("ana").openTasks()).isZero();
        assertThat(router.stats().transfers()).isEqualTo(1);
        assertThat(router.stats().transferRate()).isEqualTo(1.0);
        assertThat(events.of(RoutingEvent.TaskTransferred.class)).hasSize(1);
    }

    @Test
    void shouldTransferToANamedAgentRegardlessOfSkillsAndWaitForTheirCapacity() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.upsertAgent(AgentProfile.builder("lead").capacity("chat", 1).build());
        available(router, "ana", "lead");
        router.submit(Task.builder("other", "chat").build());
        assertThat(router.task("other").orElseThrow().agentId()).isEqualTo("ana");
        router.submit(chat("t", "en", "s", 1));
        router.release("other");
        assertThat(router.task("t").orElseThrow().agentId()).isEqualTo("ana");
        router.submit(Task.builder("keeps-lead-busy", "chat").build());

        List<RoutingDecision> after = router.transfer("t", TransferTarget.agent("lead"));

        assertThat(after.get(0).outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(router.release("keeps-lead-busy")).singleElement()
                .satisfies(d -> assertThat(d.taskId()).isEqualTo("t"));
        assertThat(router.task("t").orElseThrow().agentId()).isEqualTo("lead");
    }

    @Test
    void shouldChangeNothingWhenTransferringToAnUnknownAgent() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(AgentProfile.builder("ana").capacity("chat", 1).build());
        available(router, "ana");
        router.submit(Task.builder("t", "chat").build());

        assertThatThrownBy(() -> router.transfer("t", TransferTarget.agent("ghost")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
        assertThat(router.task("t").orElseThrow().phase()).isEqualTo(TaskPhase.ASSIGNED);
        assertThat(router.stats().transfers()).isZero();
    }
}
