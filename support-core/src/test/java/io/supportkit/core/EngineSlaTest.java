package io.supportkit.core;

import io.supportkit.ConfigurationException;
import io.supportkit.core.event.PriorityChanged;
import io.supportkit.core.event.ReturnedToQueue;
import io.supportkit.core.event.SlaUpdate;
import io.supportkit.core.event.SupportEvent;
import io.supportkit.core.event.SupervisorNotified;
import io.supportkit.core.sla.EscalationAction;
import io.supportkit.core.sla.SlaEvent;
import io.supportkit.core.sla.SlaMetric;
import io.supportkit.core.sla.SlaPolicies;
import io.supportkit.core.sla.SlaPolicy;
import io.supportkit.core.sla.SlaSnapshot;
import io.supportkit.core.sla.TimeBasis;
import io.supportkit.core.spi.IdGenerator;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.routing.Router;
import io.supportkit.routing.RoutingQueue;
import io.supportkit.storage.AgentId;
import io.supportkit.storage.Conversation;
import io.supportkit.storage.ConversationId;
import io.supportkit.storage.Phase;
import io.supportkit.storage.Priority;
import io.supportkit.storage.TenantId;
import io.supportkit.storage.memory.InMemorySupportStore;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.supportkit.core.EngineFixture.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineSlaTest {
    private final AgentId ana = AgentId.of("ana");
    private final SlaPolicy chat = SlaPolicy.builder("chat")
            .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(10), TimeBasis.CALENDAR)
            .warnAtFraction(0.8)
            .onBreach(SlaMetric.FIRST_RESPONSE, EscalationAction.raisePriority(),
                    EscalationAction.notifySupervisor("lead"))
            .reassignIfNoReplyWithin(Duration.ofMinutes(5))
            .build();
    private final EngineFixture f = new EngineFixture(SupportEngine.builder().sla(SlaPolicies.of(chat)));

    private List<SlaEvent> slaEvents() {
        return f.eventsOf(SlaUpdate.class).stream().map(SlaUpdate::sla).toList();
    }

    @Test
    void shouldWarnBreachAndEscalateAFirstResponseThatComesTooLate() {
        ConversationId id = f.say(web("v"), "Hello? Anyone?").conversation().id();
        assertThat(slaEvents()).hasAtLeastOneElementOfType(SlaEvent.Applied.class);

        f.clock.advance(Duration.ofMinutes(8));
        f.engine.tick();
        assertThat(slaEvents()).filteredOn(SlaEvent.Warning.class::isInstance).singleElement()
                .satisfies(w -> assertThat(w.at()).isEqualTo(Instant.parse("2026-08-05T09:08:00Z")));

        f.clock.advance(Duration.ofMinutes(2));
        f.engine.tick();
        assertThat(slaEvents()).filteredOn(SlaEvent.Breached.class::isInstance).singleElement()
                .satisfies(b -> assertThat(b.at()).isEqualTo(Instant.parse("2026-08-05T09:10:00Z")));
        assertThat(f.engine.conversations().get(f.tenant, id).priority()).isEqualTo(Priority.HIGH);
        assertThat(f.eventsOf(PriorityChanged.class)).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("FIRST_RESPONSE"));
        assertThat(f.eventsOf(SupervisorNotified.class)).singleElement()
                .satisfies(s -> assertThat(s.supervisor()).isEqualTo("lead"));

        f.clock.advance(Duration.ofMinutes(1));
        f.engine.conversations().reply(f.tenant, id, AgentMessage.of(ana, "Sorry for the wait!"));
        assertThat(slaEvents()).filteredOn(SlaEvent.Fulfilled.class::isInstance)
                .singleElement().satisfies(e -> assertThat(((SlaEvent.Fulfilled) e).breached()).isTrue());
    }

    @Test
    void shouldCountTheAcknowledgementAndNotesAsNoResponse() {
        ConversationId id = f.say(web("v"), "Hi").conversation().id();
        f.engine.conversations().note(f.tenant, id, AgentMessage.of(ana, "looking"));
        SlaSnapshot snap = f.engine.conversations().sla(f.tenant, id).orElseThrow();
        assertThat(snap.metric(SlaMetric.FIRST_RESPONSE).orElseThrow().dueAt())
                .contains(Instant.parse("2026-08-05T09:10:00Z"));
        f.clock.advance(Duration.ofMinutes(3));
        f.engine.conversations().reply(f.tenant, id, AgentMessage.of(ana, "Hello!"));
        assertThat(slaEvents()).filteredOn(SlaEvent.Fulfilled.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((SlaEvent.Fulfilled) e).elapsed()).isEqualTo(Duration.ofMinutes(3)));
    }

    @Test
    void shouldTakeTheConversationFromAnAgentWhoLetsTheCustomerWait() {
        ConversationId id = f.say(web("v"), "Hi").conversation().id();
        f.engine.conversations().reply(f.tenant, id, AgentMessage.of(ana, "Hi, how can I help?"));
        f.clock.advance(Duration.ofMinutes(1));
        f.say(web("v"), "My card was charged twice");

        f.clock.advance(Duration.ofMinutes(5));
        f.engine.tick();

        Conversation c = f.engine.conversations().get(f.tenant, id);
        assertThat(c.assignee()).isEmpty();
        assertThat(c.phase()).isEqualTo(Phase.BOT);
        assertThat(c.lastAgent()).contains(ana);
        assertThat(f.eventsOf(ReturnedToQueue.class)).singleElement()
                .satisfies(r -> assertThat(r.waited()).isEqualTo(Duration.ofMinutes(5)));
    }

    @Test
    void shouldStopTheClocksWhenTheConversationCloses() {
        ConversationId id = f.say(web("v"), "Hi").conversation().id();
        f.engine.conversations().close(f.tenant, id);
        f.clock.advance(Duration.ofHours(1));
        f.engine.tick();
        assertThat(slaEvents()).noneMatch(SlaEvent.Breached.class::isInstance);
        assertThat(f.engine.conversations().sla(f.tenant, id)).isEmpty();
    }

    @Test
    void shouldStopTheClocksOfAnErasedCustomer() {
        var r = f.say(web("v"), "Hi");
        f.engine.customers().erase(f.tenant, r.conversation().customer());
        f.clock.advance(Duration.ofHours(1));
        f.engine.tick();
        assertThat(slaEvents()).noneMatch(SlaEvent.Warning.class::isInstance)
                .noneMatch(SlaEvent.Breached.class::isInstance);
        assertThat(f.engine.timers().pending()).isZero();
    }

    /** A host clock that an administrator or NTP can set back, which a VirtualClock refuses to do. */
    private static final class SteppingClock implements InstantSource {
        volatile Instant now = Instant.parse("2026-08-05T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class SteppingEngine {
        final SteppingClock clock = new SteppingClock();
        final TenantId tenant = TenantId.of("acme");
        final List<SupportEvent> events = new CopyOnWriteArrayList<>();
        final SupportEngine engine;

        SteppingEngine(SlaPolicy policy) {
            engine = SupportEngine.builder().sla(SlaPolicies.of(policy)).clock(clock)
                    .store(new InMemorySupportStore()).idGenerator(IdGenerator.sequential())
                    .outbound(m -> { }).listener(events::add).build();
        }

        ConversationId say(String text) {
            return engine.conversations().receive(InboundMessage.of(tenant, web("v"), text)).conversation().id();
        }

        List<SlaEvent> sla() {
            return events.stream().filter(SlaUpdate.class::isInstance).map(e -> ((SlaUpdate) e).sla()).toList();
        }
    }

    @Test
    void shouldNotBreachAtOnceWhenTheHostClockStepsBackBehindTheWheel() {
        SteppingEngine e = new SteppingEngine(chat);
        e.clock.now = Instant.parse("2026-08-06T09:00:00Z");
        e.engine.tick(); // the wheel's time is now a day ahead of what the clock is about to read
        e.clock.now = Instant.parse("2026-08-05T09:00:00Z");
        ConversationId id = e.say("Hi");
        e.engine.tick();
        assertThat(e.sla()).noneMatch(SlaEvent.Warning.class::isInstance).noneMatch(SlaEvent.Breached.class::isInstance);
        assertThat(e.engine.conversations().get(e.tenant, id).priority()).isEqualTo(Priority.NORMAL);

        e.clock.now = e.clock.now.plus(Duration.ofMinutes(3));
        e.engine.conversations().reply(e.tenant, id, AgentMessage.of(ana, "Hello!"));
        assertThat(e.sla()).filteredOn(SlaEvent.Fulfilled.class::isInstance).singleElement()
                .satisfies(f -> assertThat(((SlaEvent.Fulfilled) f).breached()).isFalse());
    }

    @Test
    void shouldStillCountAReplyWhenTheHostClockStepsBackAFewMinutes() {
        SteppingEngine e = new SteppingEngine(chat);
        ConversationId id = e.say("Hi");
        e.clock.now = Instant.parse("2026-08-05T09:05:00Z");
        e.say("Anyone?");
        e.clock.now = Instant.parse("2026-08-05T09:02:00Z"); // set back by three minutes
        e.engine.conversations().reply(e.tenant, id, AgentMessage.of(ana, "Sorry, here now"));
        assertThat(e.sla()).filteredOn(SlaEvent.Fulfilled.class::isInstance)
                .anySatisfy(f -> assertThat(((SlaEvent.Fulfilled) f).metric()).isEqualTo(SlaMetric.FIRST_RESPONSE));

        e.clock.now = Instant.parse("2026-08-05T09:30:00Z");
        e.engine.tick();
        assertThat(e.sla()).noneMatch(SlaEvent.Breached.class::isInstance);
        assertThat(e.events).noneMatch(SupervisorNotified.class::isInstance);
    }

    @Test
    void shouldLeaveNoClocksOrTimersOfAConversationClosedAfterTheSupportedRange() {
        SteppingEngine e = new SteppingEngine(chat);
        e.clock.now = Instant.parse("2259-12-31T23:00:00Z");
        ConversationId id = e.say("Hi");
        assertThat(e.engine.timers().pending()).isPositive();
        e.clock.now = Instant.parse("2300-01-01T00:00:00Z"); // the clocks refuse this instant
        e.engine.conversations().close(e.tenant, id);
        assertThat(e.engine.timers().pending()).isZero();
        e.clock.now = Instant.parse("2259-12-31T23:59:00Z");
        assertThat(e.engine.conversations().sla(e.tenant, id)).isEmpty();
    }

    @Test
    void shouldRefuseAtBuildAPolicyThatReroutesToAQueueTheRouterDoesNotHave() {
        SlaPolicy lost = SlaPolicy.builder("lost")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(10), TimeBasis.CALENDAR)
                .onBreach(SlaMetric.FIRST_RESPONSE, EscalationAction.reroute("no-such-queue"))
                .build();
        Router.Builder routing = Router.builder().queue(RoutingQueue.of("general")).defaultQueue("general");
        assertThatThrownBy(() -> new EngineFixture(SupportEngine.builder().sla(SlaPolicies.of(lost)).routing(routing)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\"lost\"").hasMessageContaining("\"no-such-queue\"");

        SlaPolicy found = SlaPolicy.builder("found")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(10), TimeBasis.CALENDAR)
                .onBreach(SlaMetric.FIRST_RESPONSE, EscalationAction.reroute("general"))
                .build();
        assertThat(new EngineFixture(SupportEngine.builder().sla(SlaPolicies.of(found)).routing(routing))
                .engine.router()).isPresent();
    }

    @Test
    void shouldGiveADerivedEngineATimerWheelOfItsOwn() {
        ConversationId id = f.say(web("v"), "Hi").conversation().id();
        SupportEngine derived = f.engine.newBuilder().build();
        assertThat(derived.timers()).isNotSameAs(f.engine.timers());
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(derived.tick()).isZero(); // the original's breach is not the derived engine's to run
        assertThat(f.engine.conversations().get(f.tenant, id).priority()).isEqualTo(Priority.NORMAL);
        assertThatCode(() -> f.engine.newBuilder().clock(VirtualClock.at(Instant.EPOCH)).build())
                .doesNotThrowAnyException();

        TimerWheel shared = TimerWheel.builder().clock(f.clock).build();
        SupportEngine host = SupportEngine.builder().clock(f.clock).outbound(m -> { }).timers(shared).build();
        assertThat(host.newBuilder().build().timers()).isSameAs(shared);
    }

    @Test
    void shouldRefuseATimerWheelOnAnotherClock() {
        TimerWheel foreign = TimerWheel.builder().clock(VirtualClock.at(Instant.EPOCH)).build();
        assertThatThrownBy(() -> SupportEngine.builder().outbound(m -> { }).timers(foreign).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("clock");
    }
}
