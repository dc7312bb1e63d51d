package io.supportkit.routing;

import io.supportkit.routing.RoutingDecision.Outcome;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.supportkit.routing.Fixtures.agent;
import static io.supportkit.routing.Fixtures.available;
import static io.supportkit.routing.Fixtures.chat;
import static org.assertj.core.api.Assertions.assertThat;

class AgentSelectionTest {
    private final VirtualClock clock = Fixtures.clock();

    private Router router(RoutingStrategy strategy) {
        return Router.builder().clock(clock)
                .queue(RoutingQueue.builder("q").strategy(strategy).build())
                .defaultQueue("q").build();
    }

    @Test
    void shouldAssignOnlyAnAgentWithTheSkillLevelAndLanguageWhenOthersAreAvailable() {
        Router router = router(RoutingStrategy.LONGEST_IDLE);
        router.upsertAgent(agent("en-billing", "en", "billing", 9, 3));
        router.upsertAgent(agent("tr-low", "tr", "billing", 2, 3));
        router.upsertAgent(agent("tr-orders", "tr", "orders", 9, 3));
        router.upsertAgent(agent("tr-billing", "tr", "billing", 5, 3));
        available(router, "en-billing", "tr-low", "tr-orders", "tr-billing");

        RoutingDecision d = router.submit(chat("t1", "tr-TR", "billing", 5));

        assertThat(d.outcome()).isEqualTo(Outcome.ASSIGNED);
        assertThat(d.agentId()).isEqualTo("tr-billing");
    }

    @Test
    void shouldQueueWhenTheOnlySkilledAgentIsNotAvailable() {
        Router router = router(RoutingStrategy.LONGEST_IDLE);
        router.upsertAgent(agent("ana", "tr", "billing", 5, 3));
        router.setPresence("ana", Presence.AWAY);

        RoutingDecision d = router.submit(chat("t1", "tr", "billing", 1));

        assertThat(d.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(router.diagnose("t1")).singleElement()
                .satisfies(v -> assertThat(v.rejection()).isEqualTo(Rejection.NOT_ROUTABLE));
    }

    @Test
    void shouldTreatOnlyAvailableAsRoutable() {
        assertThat(Presence.AVAILABLE.routable()).isTrue();
        for (Presence p : new Presence[] {Presence.ONLINE, Presence.IDLE, Presence.AWAY, Presence.OFFLINE}) {
            assertThat(p.routable()).as(p.name()).isFalse();
        }
    }

    @Test
    void shouldNeverExceedPerChannelCapacityAndQueueTheRest() {
        Router router = router(RoutingStrategy.LONGEST_IDLE);
        router.upsertAgent(agent("ana", "en", "s", 1, 2));
        available(router, "ana");

        assertThat(router.submit(chat("t1", "en", "s", 0)).outcome()).isEqualTo(Outcome.ASSIGNED);
        assertThat(router.submit(chat("t2", "en", "s", 0)).outcome()).isEqualTo(Outcome.ASSIGNED);
        assertThat(router.submit(chat("t3", "en", "s", 0)).outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(router.agent("ana").atCapacity("chat")).isTrue();
    }

    @Test
    void shouldFreeCapacityWhenWorkEndsNotWhenTheAgentGoesOffline() {
        Router router = router(RoutingStrategy.LONGEST_IDLE);
        router.upsertAgent(agent("ana", "en", "s", 1, 1));
        available(router, "ana");
        router.submit(chat("t1", "en", "s", 0));
        router.submit(chat("t2", "en", "s", 0));

        router.setPresence("ana", Presence.OFFLINE);
        assertThat(router.agent("ana").openTasks()).isEqualTo(1);
        router.setPresence("ana", Presence.AVAILABLE);
        assertThat(router.task("t2").orElseThrow().phase()).isEqualTo(TaskPhase.WAITING);

        var follow = router.release("t1");

        assertThat(follow).singleElement().satisfies(d -> {
            assertThat(d.taskId()).isEqualTo("t2");
            assertThat(d.agentId()).isEqualTo("ana");
        });
    }

    @Test
    void shouldCountWeightedUnitsAndPercentOfTotalCapacityAcrossChannels() {
        Router router = router(RoutingStrategy.LONGEST_IDLE);
        router.upsertAgent(AgentProfile.builder("ana").languages("en").capacity("chat", 4).capacity("voice", 4)
                .totalCapacity(4).build());
        available(router, "ana");

        assertThat(router.submit(Task.builder("c1", "chat").units(2).build()).outcome()).isEqualTo(Outcome.ASSIGNED);
        // a voice call takes 100%: it cannot start while a chat holds 2 units
        assertThat(router.submit(Task.builder("v1", "voice").percentOfCapacity(100).build()).outcome())
                .isEqualTo(Outcome.QUEUED);
        assertThat(router.diagnose("v1").get(0).rejection()).isEqualTo(Rejection.TOTAL_FULL);

        var follow = router.release("c1");

        assertThat(follow).singleElement().satisfies(d -> assertThat(d.taskId()).isEqualTo("v1"));
        assertThat(router.submit(Task.builder("c2", "chat").build()).outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(router.agent("ana").usedTotal()).isEqualTo(4);
    }

    @Test
    void shouldPickTheLongestIdleAgentByDefault() {
        Router router = router(RoutingStrategy.LONGEST_IDLE);
        router.upsertAgent(agent("a", "en", "s", 1, 5));
        router.upsertAgent(agent("b", "en", "s", 1, 5));
        available(router, "a");
        clock.advance(Duration.ofSeconds(1));
        available(router, "b");

        assertThat(router.submit(chat("t1", "en", "s", 0)).agentId()).isEqualTo("a");
        assertThat(router.submit(chat("t2", "en", "s", 0)).agentId()).isEqualTo("b");
        router.release("t1");
        // a just finished t1, so b has been idle longer
        assertThat(router.submit(chat("t3", "en", "s", 0)).agentId()).isEqualTo("b");
    }

    @Test
    void shouldPickTheLeastLoadedAgentWithTiesByLeastRecentlyAssigned() {
        Router router = router(RoutingStrategy.LEAST_LOADED);
        router.upsertAgent(agent("a", "en", "s", 1, 5));
        router.upsertAgent(agent("b", "en", "s", 1, 5));
        router.upsertAgent(agent("c", "en", "s", 1, 5));
        available(router, "a", "b", "c");

        assertThat(router.submit(chat("t1", "en", "s", 0)).agentId()).isEqualTo("a");
        assertThat(router.submit(chat("t2", "en", "s", 0)).agentId()).isEqualTo("b");
        assertThat(router.submit(chat("t3", "en", "s", 0)).agentId()).isEqualTo("c");
        assertThat(router.submit(chat("t4", "en", "s", 0)).agentId()).isEqualTo("a");
        router.release("t2");
        // b has 0 open, a has 2, c has 1
        assertThat(router.submit(chat("t5", "en", "s", 0)).agentId()).isEqualTo("b");
        assertThat(router.submit(chat("t6", "en", "s", 0)).agentId()).isEqualTo("c");
        assertThat(router.submit(chat("t7", "en", "s", 0)).agentId()).isEqualTo("b");
    }

    @Test
    void shouldRotateRoundRobinRegardlessOfReleases() {
        Router router = router(RoutingStrategy.ROUND_ROBIN);
        router.upsertAgent(agent("a", "en", "s", 1, 5));
        router.upsertAgent(agent("b", "en", "s", 1, 5));
        router.upsertAgent(agent("c", "en", "s", 1, 5));
        available(router, "a", "b", "c");

        assertThat(router.submit(chat("t1", "en", "s", 0)).agentId()).isEqualTo("a");
        assertThat(router.submit(chat("t2", "en", "s", 0)).agentId()).isEqualTo("b");
        router.release("t1");
        assertThat(router.submit(chat("t3", "en", "s", 0)).agentId()).isEqualTo("c");
        assertThat(router.submit(chat("t4", "en", "s", 0)).agentId()).isEqualTo("a");
    }

    @Test
    void shouldPickTheMostSkilledAgentWithTiesByLongestIdle() {
        Router router = router(RoutingStrategy.MOST_SKILLED);
        router.upsertAgent(agent("junior", "en", "s", 3, 5));
        router.upsertAgent(agent("senior", "en", "s", 9, 1));
        router.upsertAgent(agent("senior2", "en", "s", 9, 1));
        available(router, "junior", "senior", "senior2");

        assertThat(router.submit(chat("t1", "en", "s", 0)).agentId()).isEqualTo("senior");
        assertThat(router.submit(chat("t2", "en", "s", 0)).agentId()).isEqualTo("senior2");
        assertThat(router.submit(chat("t3", "en", "s", 0)).agentId()).isEqualTo("junior");
    }

    @Test
    void shouldOrderByACustomRankOfTheProfile() {
        RoutingStrategy highTierFirst = RoutingStrategy.custom("high-tier-first", p -> -p.tier());
        Router router = router(highTierFirst);
        router.upsertAgent(AgentProfile.builder("t1").tier(1).capacity("chat", 1).build());
        router.upsertAgent(AgentProfile.builder("t3").tier(3).capacity("chat", 1).build());
        router.upsertAgent(AgentProfile.builder("t2").tier(2).capacity("chat", 1).build());
        available(router, "t1", "t3", "t2");

        assertThat(router.submit(Task.builder("a", "chat").build()).agentId()).isEqualTo("t3");
        assertThat(router.submit(Task.builder("b", "chat").build()).agentId()).isEqualTo("t2");
        assertThat(router.submit(Task.builder("c", "chat").build()).agentId()).isEqualTo("t1");
    }

    @Test
    void shouldRequireEveryRequiredSkillWhenATaskNeedsSeveral() {
        Router router = router(RoutingStrategy.LONGEST_IDLE);
        router.upsertAgent(AgentProfile.builder("one").skill("a", 5).capacity("chat", 1).build());
        router.upsertAgent(AgentProfile.builder("both").skill("a", 5).skill("b", 5).capacity("chat", 1).build());
        available(router, "one", "both");

        RoutingDecision d = router.submit(Task.builder("t", "chat").requireSkill("a", 1).requireSkill("b", 1).build());

        assertThat(d.agentId()).isEqualTo("both");
    }

    @Test
    void shouldUseTheNewProfileWhenAnAgentGainsASkill() {
        Router router = router(RoutingStrategy.LONGEST_IDLE);
        router.upsertAgent(agent("ana", "en", "orders", 5, 2));
        available(router, "ana");
        assertThat(router.submit(chat("t1", "en", "billing", 3)).outcome()).isEqualTo(Outcome.QUEUED);

        var taken = router.upsertAgent(AgentProfile.builder("ana").languages("en").skill("orders", 5)
                .skill("billing", 4).capacity("chat", 2).build());

        assertThat(taken).singleElement().satisfies(d -> assertThat(d.agentId()).isEqualTo("ana"));
    }

    @Test
    void shouldRouteOnlyToQueueMembersWhenTheQueueHasAMemberFilter() {
        Router router = Router.builder().clock(clock)
                .queue(RoutingQueue.builder("payments").members(AgentFilter.inTeam("payments")).build())
                .defaultQueue("payments").build();
        router.upsertAgent(AgentProfile.builder("out").capacity("chat", 1).build());
        router.upsertAgent(AgentProfile.builder("in").team("payments").capacity("chat", 1).build());
        available(router, "out", "in");

        assertThat(router.submit(Task.builder("t", "chat").build()).agentId()).isEqualTo("in");
    }
}
