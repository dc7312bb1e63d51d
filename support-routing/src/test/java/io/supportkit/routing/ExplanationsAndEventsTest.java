package io.supportkit.routing;

import io.supportkit.ConflictException;
import io.supportkit.IllegalTransitionException;
import io.supportkit.InvalidInputException;
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

class ExplanationsAndEventsTest {
    private final VirtualClock clock = Fixtures.clock();
    private final Fixtures.Recorder events = new Fixtures.Recorder();

    @Test
    void shouldExplainWhichCandidatesWereSkippedAndWhyTheWinnerWon() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("low", "tr", "billing", 5, 1));
        router.upsertAgent(agent("ana", "tr", "billing", 5, 1));
        available(router, "low", "ana");
        // "low" just finished a task, so "ana" has been idle longer
        router.submit(chat("seed", "tr", "billing", 1));
        router.release("seed");

        RoutingDecision d = router.submit(Task.builder("t", "chat").language("tr").requireSkill("billing", 5)
                .lastAgent("nobody-known").build());

        Explanation why = d.explanation();
        assertThat(d.agentId()).isEqualTo("ana");
        assertThat(why.trigger()).isEqualTo("submitted");
        assertThat(why.strategy()).isEqualTo("longest-idle");
        assertThat(why.indexDescription()).isEqualTo("longest-idle:chat/tr/billing");
        assertThat(why.indexedCandidates()).isEqualTo(2);
        assertThat(why.tieBreak()).startsWith("longest-idle: idle for").contains("first of 2");
    }

    @Test
    void shouldListRejectedCandidatesWithTheFilterThatRemovedThem() {
        Router router = Router.builder().clock(clock)
                .queue(RoutingQueue.of("q"))
                .rule(RoutingRule.builder("r").step(RoutingStep.to("q").agents(AgentFilter.tierAtLeast(2))).build())
                .build();
        router.upsertAgent(AgentProfile.builder("junior").tier(1).capacity("chat", 1).build());
        router.upsertAgent(AgentProfile.builder("senior").tier(2).capacity("chat", 1).build());
        available(router, "junior", "senior");

        RoutingDecision d = router.submit(Task.builder("t", "chat").build());

        assertThat(d.agentId()).isEqualTo("senior");
        assertThat(d.explanation().considered()).singleElement().satisfies(v -> {
            assertThat(v.agentId()).isEqualTo("junior");
            assertThat(v.rejection()).isEqualTo(Rejection.STEP_FILTER);
            assertThat(v.detail()).contains("rule 'r'");
        });
        assertThat(d.explanation().tieBreak()).contains("first eligible");
    }

    @Test
    void shouldDiagnoseEveryAgentForAWaitingTask() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("en", "en", "billing", 9, 1));
        router.upsertAgent(agent("weak", "tr", "billing", 1, 1));
        router.upsertAgent(agent("away", "tr", "billing", 9, 1));
        router.upsertAgent(AgentProfile.builder("voice").languages("tr").skill("billing", 9).capacity("voice", 1).build());
        available(router, "en", "weak", "voice");
        router.submit(chat("t", "tr", "billing", 5));

        List<CandidateVerdict> verdicts = router.diagnose("t");

        assertThat(verdicts).extracting(CandidateVerdict::agentId, CandidateVerdict::rejection).containsExactly(
                org.assertj.core.groups.Tuple.tuple("en", Rejection.LANGUAGE),
                org.assertj.core.groups.Tuple.tuple("weak", Rejection.SKILL_LEVEL),
                org.assertj.core.groups.Tuple.tuple("away", Rejection.NOT_ROUTABLE),
                org.assertj.core.groups.Tuple.tuple("voice", Rejection.NO_CHANNEL));
        assertThat(verdicts.get(1).detail()).isEqualTo("'billing' level 1 < 5");
    }

    @Test
    void shouldEmitEventsInOrderWithIncreasingSequence() {
        Router router = Router.builder().clock(clock).listener(events).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        router.submit(Task.builder("t", "chat").build());
        router.setPresence("ana", Presence.AVAILABLE);
        clock.advance(Duration.ofMinutes(3));
        router.release("t");

        assertThat(events.events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "TaskQueued", "PresenceChanged", "TaskAssigned", "TaskReleased");
        assertThat(events.events).extracting(RoutingEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events.of(RoutingEvent.TaskReleased.class).get(0).handled()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void shouldKeepRoutingWhenAListenerThrows() {
        Router router = Router.builder().clock(clock)
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(events).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");

        assertThat(router.submit(Task.builder("t", "chat").build()).outcome()).isEqualTo(Outcome.ASSIGNED);
        assertThat(events.of(RoutingEvent.TaskAssigned.class)).hasSize(1);
    }

    @Test
    void shouldLetAListenerCallBackIntoTheRouter() {
        Router[] holder = new Router[1];
        Router router = Router.builder().clock(clock).listener(e -> {
            if (e instanceof RoutingEvent.TaskAssigned a) {
                holder[0].release(a.taskId());
            }
        }).build();
        holder[0] = router;
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");

        router.submit(Task.builder("t", "chat").build());

        assertThat(router.task("t")).isEmpty();
        assertThat(router.agent("ana").openTasks()).isZero();
    }

    @Test
    void shouldRejectBadInputAndChangeNothing() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");
        router.submit(Task.builder("t", "chat").build());

        assertThatThrownBy(() -> router.submit(Task.builder("t", "chat").build())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> router.release("nope")).isInstanceOf(io.supportkit.NotFoundException.class);
        assertThatThrownBy(() -> router.accept("t", "ana")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> router.removeAgent("ana")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> AgentProfile.builder("x").skill("s", 11))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("11");
        assertThatThrownBy(() -> Task.builder("x", "chat").language("-"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> router.submit(null)).isInstanceOf(InvalidInputException.class);
        assertThat(router.agent("ana").openTasks()).isEqualTo(1);
        assertThat(router.stats().submitted()).isEqualTo(1);
    }

    @Test
    void shouldRemoveAnIdleAgentAndStopRoutingToThem() {
        Router router = Router.builder().clock(clock).build();
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");

        router.removeAgent("ana");

        assertThat(router.submit(Task.builder("t", "chat").build()).outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(router.stats().agents()).isZero();
    }
}
