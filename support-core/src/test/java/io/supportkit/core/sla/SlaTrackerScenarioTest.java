package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.ConfigurationException;
import io.supportkit.ConflictException;
import io.supportkit.InvalidInputException;
import io.supportkit.NotFoundException;
import io.supportkit.core.calendar.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import static io.supportkit.core.sla.SlaInput.agentReply;
import static io.supportkit.core.sla.SlaInput.assigned;
import static io.supportkit.core.sla.SlaInput.botReply;
import static io.supportkit.core.sla.SlaInput.created;
import static io.supportkit.core.sla.SlaInput.customerMessage;
import static io.supportkit.core.sla.SlaInput.internalNote;
import static io.supportkit.core.sla.SlaInput.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every metric with pauses, on a virtual clock, in four zones with and without daylight saving. */
class SlaTrackerScenarioTest {
    private static final Instant T0 = Instant.parse("2026-06-01T07:00:00Z");

    private static BusinessCalendar officeHours(ZoneId zone) {
        return BusinessCalendar.builder("office", zone).open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-17:00").build();
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    private static SlaSubject subject(String id, Priority p) {
        return SlaSubject.builder(id, p).channel("web").build();
    }

    @ParameterizedTest(name = "{0}: weekend {1} .. {2}")
    @CsvSource({
        "Europe/Istanbul, 2026-03-27, 2026-03-30",
        "Asia/Tehran, 2026-03-27, 2026-03-30",
        "America/New_York, 2026-03-06, 2026-03-09",   // DST starts Sunday 8 March
        "America/New_York, 2026-10-30, 2026-11-02",   // DST ends Sunday 1 November
        "Europe/Berlin, 2026-03-27, 2026-03-30",      // DST starts Sunday 29 March
        "Europe/Berlin, 2026-10-23, 2026-10-26"       // DST ends Sunday 25 October
    })
    void shouldCountFirstResponseInBusinessHoursAcrossAWeekendWithDaylightSavingChange(
            String zoneId, String friday, String monday) {
        ZoneId zone = ZoneId.of(zoneId);
        SlaPolicy policy = SlaPolicy.builder("office").calendar(officeHours(zone))
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(4), TimeBasis.BUSINESS)
                .warnAtFraction(0.8)
                .onBreach(EscalationAction.notifySupervisor("lead"))
                .build();
        Instant createdAt = local(friday + "T15:00", zone);
        SlaHarness h = new SlaHarness(createdAt, SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), createdAt));

        assertThat(h.events(SlaEvent.Applied.class)).singleElement()
                .satisfies(a -> assertThat(a.dueAt()).isEqualTo(local(monday + "T11:00", zone)));
        h.advanceTo(local(monday + "T12:00", zone));
        assertThat(h.events(SlaEvent.Warning.class)).singleElement().satisfies(w -> {
            assertThat(w.at()).isEqualTo(local(monday + "T10:12", zone));
            assertThat(w.remaining()).isEqualTo(Duration.ofMinutes(48));
        });
        assertThat(h.events(SlaEvent.Breached.class)).singleElement()
                .satisfies(b -> assertThat(b.at()).isEqualTo(local(monday + "T11:00", zone)));
        assertThat(h.escalations).containsExactly("notify lead about c1");

        h.feed(agentReply("c1", "a1", local(monday + "T12:00", zone)));
        assertThat(h.events(SlaEvent.Fulfilled.class)).singleElement().satisfies(f -> {
            assertThat(f.breached()).isTrue();
            assertThat(f.elapsed()).isEqualTo(Duration.ofHours(5));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Europe/Istanbul", "Asia/Tehran", "America/New_York", "Europe/Berlin"})
    void shouldPausePausableUpdateButNotPeriodicUpdateWhileWaitingOnTheCustomer(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        SlaPolicy policy = SlaPolicy.builder("updates").calendar(officeHours(zone))
                .target(SlaMetric.PERIODIC_UPDATE, Duration.ofHours(1), TimeBasis.CALENDAR)
                .target(SlaMetric.PAUSABLE_UPDATE, Duration.ofHours(1), TimeBasis.CALENDAR)
                .noWarnings().build();
        Instant t = local("2026-10-24T20:00", zone); // Saturday night before Berlin's fall-back: calendar time
        SlaHarness h = new SlaHarness(t, SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), t));
        h.feed(agentReply("c1", "a1", t.plus(Duration.ofMinutes(10))));
        h.feed(statusChanged("c1", SlaStatus.PENDING, t.plus(Duration.ofMinutes(20))));
        h.feed(customerMessage("c1", t.plus(Duration.ofHours(2))));
        h.feed(statusChanged("c1", SlaStatus.OPEN, t.plus(Duration.ofHours(2))));
        h.feed(agentReply("c1", "a1", t.plus(Duration.ofMinutes(150))));

        assertThat(h.events(SlaEvent.Breached.class, SlaMetric.PERIODIC_UPDATE)).singleElement()
                .satisfies(b -> assertThat(b.at()).isEqualTo(t.plus(Duration.ofMinutes(70))));
        assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.PERIODIC_UPDATE)).singleElement().satisfies(f -> {
            assertThat(f.elapsed()).isEqualTo(Duration.ofMinutes(140));
            assertThat(f.breached()).isTrue();
        });
        assertThat(h.events(SlaEvent.Breached.class, SlaMetric.PAUSABLE_UPDATE)).isEmpty();
        assertThat(h.events(SlaEvent.Paused.class, SlaMetric.PAUSABLE_UPDATE)).singleElement()
                .satisfies(p -> assertThat(p.elapsed()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(h.events(SlaEvent.Resumed.class, SlaMetric.PAUSABLE_UPDATE)).hasSize(1);
        assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.PAUSABLE_UPDATE)).singleElement().satisfies(f -> {
            assertThat(f.elapsed()).isEqualTo(Duration.ofMinutes(40));
            assertThat(f.breached()).isFalse();
        });
        // both start a new cycle at the second reply
        assertThat(h.events(SlaEvent.Applied.class, SlaMetric.PAUSABLE_UPDATE)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Europe/Istanbul", "Asia/Tehran", "America/New_York", "Europe/Berlin"})
    void shouldAccumulateRequesterWaitAgentWorkAndResolutionAcrossHoldPendingAndReopen(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        SlaPolicy policy = SlaPolicy.builder("work").calendar(officeHours(zone))
                .target(SlaMetric.REQUESTER_WAIT, Duration.ofHours(8), TimeBasis.BUSINESS)
                .target(SlaMetric.AGENT_WORK, Duration.ofHours(8), TimeBasis.BUSINESS)
                .target(SlaMetric.TOTAL_RESOLUTION, Duration.ofHours(48), TimeBasis.CALENDAR)
                .noWarnings().build();
        Instant t = local("2026-03-06T09:00", zone); // a Friday; NY changes clocks that Sunday
        SlaHarness h = new SlaHarness(t, SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), t));
        h.feed(statusChanged("c1", SlaStatus.OPEN, local("2026-03-06T10:00", zone)));
        h.feed(statusChanged("c1", SlaStatus.ON_HOLD, local("2026-03-06T11:00", zone)));   // agent work pauses
        h.feed(statusChanged("c1", SlaStatus.PENDING, local("2026-03-06T12:00", zone)));   // requester wait pauses
        h.feed(statusChanged("c1", SlaStatus.OPEN, local("2026-03-09T09:30", zone)));      // Monday
        h.feed(statusChanged("c1", SlaStatus.SOLVED, local("2026-03-09T10:00", zone)));
        assertThat(h.events(SlaEvent.Fulfilled.class)).extracting(SlaEvent.Fulfilled::metric, SlaEvent.Fulfilled::elapsed)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(SlaMetric.REQUESTER_WAIT, Duration.ofMinutes(210)),
                        org.assertj.core.groups.Tuple.tuple(SlaMetric.AGENT_WORK, Duration.ofMinutes(150)),
                        org.assertj.core.groups.Tuple.tuple(SlaMetric.TOTAL_RESOLUTION,
                                Duration.between(t, local("2026-03-09T10:00", zone))));
        h.events.clear();
        // reopened on Monday 14:00, solved at 15:00: the cumulative clocks carry on
        h.feed(statusChanged("c1", SlaStatus.OPEN, local("2026-03-09T14:00", zone)));
        assertThat(h.events(SlaEvent.Resumed.class)).hasSize(3);
        h.feed(statusChanged("c1", SlaStatus.SOLVED, local("2026-03-09T15:00", zone)));
        assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.AGENT_WORK)).singleElement()
                .satisfies(f -> assertThat(f.elapsed()).isEqualTo(Duration.ofMinutes(210)));
        h.feed(statusChanged("c1", SlaStatus.CLOSED, local("2026-03-09T16:00", zone)));
        assertThat(h.tracker.size()).isZero();
    }

    @ParameterizedTest(name = "{0}: weekend {1} .. {2}")
    @CsvSource({
        "Europe/Istanbul, 2026-03-27, 2026-03-30",
        "Asia/Tehran, 2026-03-27, 2026-03-30",
        "America/New_York, 2026-03-06, 2026-03-09",
        "Europe/Berlin, 2026-10-23, 2026-10-26"
    })
    void shouldPauseNextResponseWhilePendingAndCountOnlyBusinessHours(String zoneId, String friday, String monday) {
        ZoneId zone = ZoneId.of(zoneId);
        SlaPolicy policy = SlaPolicy.builder("office").calendar(officeHours(zone))
                .target(SlaMetric.NEXT_RESPONSE, Duration.ofHours(1), TimeBasis.BUSINESS)
                .warnBefore(Duration.ofMinutes(30)).build();
        SlaHarness h = new SlaHarness(local(friday + "T10:00", zone), SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), local(friday + "T10:00", zone)));
        h.feed(agentReply("c1", "a1", local(friday + "T10:05", zone)));
        h.feed(customerMessage("c1", local(friday + "T16:30", zone)));
        assertThat(h.events(SlaEvent.Applied.class, SlaMetric.NEXT_RESPONSE)).singleElement()
                .satisfies(a -> assertThat(a.dueAt()).isEqualTo(local(monday + "T09:30", zone)));
        h.feed(statusChanged("c1", SlaStatus.PENDING, local(friday + "T16:40", zone)));
        h.feed(statusChanged("c1", SlaStatus.OPEN, local(monday + "T09:30", zone)));
        h.feed(agentReply("c1", "a1", local(monday + "T10:00", zone)));
        assertThat(h.events(SlaEvent.Warning.class, SlaMetric.NEXT_RESPONSE)).singleElement()
                .satisfies(w -> assertThat(w.at()).isEqualTo(local(monday + "T09:50", zone)));
        assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.NEXT_RESPONSE)).singleElement().satisfies(f -> {
            assertThat(f.elapsed()).isEqualTo(Duration.ofMinutes(40));
            assertThat(f.breached()).isFalse();
        });
        assertThat(h.events(SlaEvent.Paused.class, SlaMetric.NEXT_RESPONSE)).hasSize(1);
    }

    @Test
    void shouldMeasureNextResponseFromTheOldestUnansweredMessageAndIgnoreBotsAndNotes() {
        SlaPolicy policy = SlaPolicy.builder("chat")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(5), TimeBasis.CALENDAR)
                .target(SlaMetric.NEXT_RESPONSE, Duration.ofMinutes(10), TimeBasis.CALENDAR)
                .noWarnings().build();
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), T0));
        h.feed(botReply("c1", T0.plusSeconds(1)));
        h.feed(internalNote("c1", "a1", T0.plusSeconds(30)));
        h.feed(agentReply("c1", "a1", T0.plusSeconds(120)));
        assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.FIRST_RESPONSE)).singleElement()
                .satisfies(f -> assertThat(f.elapsed()).isEqualTo(Duration.ofMinutes(2)));
        h.feed(customerMessage("c1", T0.plusSeconds(300)));
        h.feed(customerMessage("c1", T0.plusSeconds(400)));   // still the first one counts
        h.feed(botReply("c1", T0.plusSeconds(410)));
        h.feed(agentReply("c1", "a1", T0.plusSeconds(899)));
        assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.NEXT_RESPONSE)).singleElement().satisfies(f -> {
            assertThat(f.elapsed()).isEqualTo(Duration.ofSeconds(599));
            assertThat(f.breached()).isFalse();
        });
        // the next cycle: reaching the target exactly is a breach (the target is "less than 10 minutes")
        h.feed(customerMessage("c1", T0.plusSeconds(1000)));
        h.feed(agentReply("c1", "a1", T0.plusSeconds(1600)));
        assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.NEXT_RESPONSE)).last()
                .satisfies(f -> assertThat(f.breached()).isTrue());
    }

    @Test
    void shouldCountBotRepliesWhenThePolicySaysSo() {
        SlaPolicy policy = SlaPolicy.builder("bot-ok").countBotReplies(true)
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(5), TimeBasis.CALENDAR).build();
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), T0));
        h.feed(botReply("c1", T0.plusSeconds(2)));
        assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.FIRST_RESPONSE)).singleElement()
                .satisfies(f -> assertThat(f.elapsed()).isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void shouldApplyTheFirstMatchingPolicyAndItsPriorityTarget() {
        SlaPolicy vip = SlaPolicy.builder("vip")
                .when(SlaCondition.builder().customerTiers("vip").channels("whatsapp").build())
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), TimeBasis.CALENDAR)
                .target(SlaMetric.FIRST_RESPONSE, Priority.URGENT, Duration.ofMinutes(5), TimeBasis.CALENDAR)
                .build();
        SlaPolicy billing = SlaPolicy.builder("billing")
                .when(SlaCondition.builder().anyTag("billing", "refund").intents("refund_request").build())
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(2), TimeBasis.CALENDAR).build();
        SlaPolicy fallback = SlaPolicy.builder("default")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(8), TimeBasis.CALENDAR).build();
        SlaPolicies policies = SlaPolicies.of(vip, billing, fallback);
        SlaSubject urgentVip = SlaSubject.builder("a", Priority.URGENT).customerTier("vip").channel("whatsapp").build();
        SlaSubject refund = SlaSubject.builder("b", Priority.LOW).tags(Set.of("refund")).intent("refund_request")
                .customerTier("vip").channel("web").build();
        SlaSubject other = SlaSubject.builder("c", Priority.LOW).tags(Set.of("refund")).build();
        assertThat(policies.match(urgentVip)).get().extracting(SlaPolicy::id).isEqualTo("vip");
        assertThat(vip.target(SlaMetric.FIRST_RESPONSE, Priority.URGENT)).get()
                .extracting(SlaTarget::duration).isEqualTo(Duration.ofMinutes(5));
        assertThat(vip.target(SlaMetric.FIRST_RESPONSE, Priority.LOW)).get()
                .extracting(SlaTarget::duration).isEqualTo(Duration.ofMinutes(30));
        assertThat(policies.match(refund)).get().extracting(SlaPolicy::id).isEqualTo("billing");
        assertThat(policies.match(other)).get().extracting(SlaPolicy::id).isEqualTo("default");
        assertThat(SlaPolicies.of(vip).match(other)).isEmpty();
    }

    @Test
    void shouldEscalateOnWarningAndBreachAndKeepElapsedWhenPriorityIsRaised() {
        SlaPolicy policy = SlaPolicy.builder("p")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), TimeBasis.CALENDAR)
                .target(SlaMetric.FIRST_RESPONSE, Priority.HIGH, Duration.ofMinutes(40), TimeBasis.CALENDAR)
                .warnBefore(Duration.ofMinutes(15))
                .onWarning(EscalationAction.raisePriority())
                .onBreach(EscalationAction.reroute("tier-2"), EscalationAction.notifySupervisor("lead"))
                .build();
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of(policy));
        SlaSubject s = subject("c1", Priority.NORMAL);
        // the engine applies the raise and feeds the new priority back
        h.onRaise = id -> h.tracker.on(SlaInput.updated(s.withPriority(Priority.HIGH), h.clock.instant()));
        h.feed(created(s, T0));
        h.advance(Duration.ofMinutes(50));
        // warning at 45 min (1 h - 15 min), raise to HIGH: target 40 min already passed, so breach at once
        assertThat(h.escalations).containsExactly("raise c1 NORMAL->HIGH", "reroute c1 tier-2", "notify lead about c1");
        assertThat(h.events(SlaEvent.Warning.class)).singleElement()
                .satisfies(w -> assertThat(w.at()).isEqualTo(T0.plus(Duration.ofMinutes(45))));
        assertThat(h.events(SlaEvent.Applied.class)).extracting(a -> a.target().duration())
                .containsExactly(Duration.ofHours(1), Duration.ofMinutes(40));
        assertThat(h.events(SlaEvent.Breached.class)).singleElement().satisfies(b -> {
            assertThat(b.target().duration()).isEqualTo(Duration.ofMinutes(40));
            assertThat(b.at()).isEqualTo(T0.plus(Duration.ofMinutes(50))); // when the raise was fed back
        });
        assertThat(h.tracker.snapshot("c1")).get().satisfies(snap -> {
            assertThat(snap.metric(SlaMetric.FIRST_RESPONSE)).get().satisfies(m -> {
                assertThat(m.elapsed()).isEqualTo(Duration.ofMinutes(50));
                assertThat(m.breached()).isTrue();
            });
            assertThat(snap.priority()).isEqualTo(Priority.HIGH);
        });
    }

    @Test
    void shouldReturnToRoutingWhenTheAssignedAgentDoesNotReply() {
        SlaPolicy policy = SlaPolicy.builder("chat").reassignIfNoReplyWithin(Duration.ofMinutes(3)).build();
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), T0));
        h.feed(assigned("c1", "alice", T0.plusSeconds(60)));
        h.advance(Duration.ofMinutes(10));
        assertThat(h.events(SlaEvent.ReassignRequested.class)).singleElement().satisfies(r -> {
            assertThat(r.agentId()).isEqualTo("alice");
            assertThat(r.at()).isEqualTo(T0.plusSeconds(240));
            assertThat(r.waited()).isEqualTo(Duration.ofMinutes(4));
        });
        assertThat(h.escalations).containsExactly("reroute-no-reply c1 from alice after PT4M");
        // bob answers in time: nothing more happens
        h.feed(assigned("c1", "bob", h.clock.instant()));
        h.feed(agentReply("c1", "bob", h.clock.instant().plusSeconds(100)));
        h.feed(customerMessage("c1", h.clock.instant().plusSeconds(10)));
        h.feed(statusChanged("c1", SlaStatus.PENDING, h.clock.instant().plusSeconds(20)));
        h.advance(Duration.ofHours(1));
        assertThat(h.events(SlaEvent.ReassignRequested.class)).hasSize(1);
    }

    @Test
    void shouldReportTheExactBreachInstantWhenAnInputArrivesBeforeTheWheelAdvanced() {
        SlaPolicy policy = SlaPolicy.builder("p").noWarnings()
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(10), TimeBasis.CALENDAR).build();
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), T0));
        h.clock.advance(Duration.ofMinutes(30));            // nobody advanced the wheel
        h.tracker.on(agentReply("c1", "a1", h.clock.instant()));
        assertThat(h.events).map(e -> e.getClass().getSimpleName() + "@" + e.at()).containsExactly(
                "Applied@" + T0, "Breached@" + T0.plus(Duration.ofMinutes(10)), "Fulfilled@" + T0.plus(Duration.ofMinutes(30)));
        h.wheel.advance();
        assertThat(h.events).hasSize(3);
        assertThat(h.wheel.pending()).isZero();
    }

    @Test
    void shouldReplayADayOfTrafficInOrder() {
        SlaPolicy policy = SlaPolicy.builder("p").calendar(officeHours(ZoneId.of("Europe/Istanbul")))
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), TimeBasis.BUSINESS).build();
        SlaHarness h = new SlaHarness(Instant.parse("2026-06-01T00:00:00Z"), SlaPolicies.of(policy));
        for (int i = 0; i < 2000; i++) {
            h.tracker.on(created(subject("c" + i, Priority.NORMAL), h.clock.advance(Duration.ofSeconds(40))));
        }
        h.advance(Duration.ofDays(2));
        assertThat(h.events(SlaEvent.Breached.class)).hasSize(2000);
        assertThat(h.events(SlaEvent.Warning.class)).hasSize(2000);
        assertThat(h.events.stream().filter(e -> !(e instanceof SlaEvent.Applied)).map(SlaEvent::at).toList()).isSorted();
    }

    @Test
    void shouldRejectBadInputsAndConfigurationNamingTheProblem() {
        SlaPolicy policy = SlaPolicy.builder("p").build();
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of(policy));
        h.feed(created(subject("c1", Priority.NORMAL), T0));
        assertThatThrownBy(() -> h.tracker.on(created(subject("c1", Priority.NORMAL), T0)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("c1");
        assertThatThrownBy(() -> h.tracker.on(agentReply("nope", "a", T0))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nope");
        h.feed(customerMessage("c1", T0.plusSeconds(10)));
        assertThatThrownBy(() -> h.tracker.on(customerMessage("c1", T0))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("older");
        assertThatThrownBy(() -> SlaPolicy.builder("b")
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), TimeBasis.BUSINESS).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("calendar");
        assertThatThrownBy(() -> SlaPolicy.builder("b").runningIn(SlaMetric.AGENT_WORK, SlaStatus.SOLVED))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("SOLVED");
        assertThatThrownBy(() -> SlaPolicy.builder("b").target(SlaMetric.FIRST_RESPONSE, Duration.ZERO,
                TimeBasis.CALENDAR)).isInstanceOf(ConfigurationException.class).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> SlaPolicies.of(policy, policy)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\"p\"");
    }
}
