package io.supportkit.core.sla;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.storage.Priority;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static io.supportkit.core.sla.SlaInput.agentReply;
import static io.supportkit.core.sla.SlaInput.assigned;
import static io.supportkit.core.sla.SlaInput.created;
import static io.supportkit.core.sla.SlaInput.customerMessage;
import static io.supportkit.core.sla.SlaInput.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tracker given instants at and past the ends of its range, and malformed ids: typed errors, nothing changed. */
class SlaTrackerBadInputTest {
    private static final Instant T0 = Instant.parse("2026-08-05T09:30:00Z");
    private static final Instant Y1750 = Instant.parse("1750-01-01T00:00:00Z");
    private static final Duration LONGEST_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    private static SlaPolicy calendarPolicy() {
        return SlaPolicy.builder("cal").target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), TimeBasis.CALENDAR)
                .target(SlaMetric.TOTAL_RESOLUTION, Duration.ofDays(3), TimeBasis.CALENDAR).build();
    }

    private static SlaPolicy businessPolicy(BusinessCalendar calendar) {
        return SlaPolicy.builder("bus").calendar(calendar)
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofHours(1), TimeBasis.BUSINESS)
                .target(SlaMetric.TOTAL_RESOLUTION, Duration.ofDays(3), TimeBasis.BUSINESS).build();
    }

    private static BusinessCalendar weekdays() {
        return BusinessCalendar.builder("office", ZoneId.of("Europe/Istanbul"))
                .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-12:00", "13:00-17:00").build();
    }

    private static SlaSubject subject(String id) {
        return SlaSubject.builder(id, Priority.NORMAL).build();
    }

    private static String state(SlaHarness h, String id) {
        return h.tracker.snapshot(id) + " size=" + h.tracker.size() + " pending=" + h.wheel.pending();
    }

    @Test
    void shouldRejectACreatedInputOutsideTheSupportedRangeAndTrackNothing() {
        for (SlaPolicies policies : List.of(SlaPolicies.of(calendarPolicy()), SlaPolicies.of(businessPolicy(weekdays())),
                SlaPolicies.of())) {
            SlaHarness h = new SlaHarness(T0, policies);
            for (Instant bad : new Instant[] {Instant.MAX, Instant.MIN, Instant.parse("1600-01-01T00:00:00Z"),
                    Instant.parse("1699-12-31T23:59:59.999999999Z"), Instant.parse("2260-01-01T00:00:00Z"),
                    Instant.parse("2300-01-01T00:00:00Z")}) {
                assertThatThrownBy(() -> h.tracker.on(created(subject("s"), bad))).as(bad.toString())
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("supported range")
                        .hasMessageContaining(bad.toString());
                assertThat(h.tracker.size()).isZero();
                assertThat(h.wheel.pending()).isZero();
            }
            h.tracker.on(created(subject("s"), T0)); // the id is free
            assertThat(h.tracker.snapshot("s")).isPresent();
        }
    }

    @Test
    void shouldAcceptTheFirstAndLastSupportedInstants() {
        SlaHarness h = new SlaHarness(Instant.parse("1700-01-01T00:00:00Z"), SlaPolicies.of(businessPolicy(
                BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC))));
        h.tracker.on(created(subject("first"), Instant.parse("1700-01-01T00:00:00Z")));
        h.tracker.on(created(subject("last"), Instant.parse("2259-12-31T23:59:59.999999999Z")));
        // the last one's deadlines fall after the range: not scheduled, but the subject is tracked and answers
        h.tracker.on(agentReply("last", "a", Instant.parse("2259-12-31T23:59:59.999999999Z")));
        assertThat(h.tracker.size()).isEqualTo(2);
    }

    @Test
    void shouldRejectALaterInputOutsideTheRangeAndChangeNothing() {
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of());
        h.tracker.on(created(subject("s"), T0));
        String before = state(h, "s");
        assertThatThrownBy(() -> h.tracker.on(statusChanged("s", SlaStatus.PENDING, Instant.parse("2300-01-01T00:00:00Z"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("supported range");
        assertThat(state(h, "s")).isEqualTo(before);
        h.tracker.on(statusChanged("s", SlaStatus.PENDING, T0.plusSeconds(1))); // not poisoned
        assertThat(h.tracker.snapshot("s")).get().extracting(SlaSnapshot::status).isEqualTo(SlaStatus.PENDING);
    }

    @Test
    void shouldRejectAHistoryOutsideTheRangeAndTrackNothing() {
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of(calendarPolicy()));
        assertThatThrownBy(() -> h.tracker.restore(List.of(created(subject("r"), Instant.MAX))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("supported range");
        assertThatThrownBy(() -> h.tracker.restore(List.of(created(subject("r"), T0),
                agentReply("r", "a", Instant.parse("2260-01-01T00:00:00Z")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("history[1]");
        assertThat(h.tracker.size()).isZero();
        assertThat(h.wheel.pending()).isZero();
    }

    @Test
    void shouldApplyAReplyFiveHundredYearsAfterCreationAndReportEveryBreach() {
        for (SlaPolicy policy : List.of(calendarPolicy(),
                businessPolicy(BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC)))) {
            SlaHarness h = new SlaHarness(Y1750, SlaPolicies.of(policy));
            h.tracker.on(created(subject("long"), Y1750));
            Instant reply = Instant.parse("2250-01-01T00:00:00Z");
            h.tracker.on(agentReply("long", "a", reply));
            assertThat(h.events(SlaEvent.Breached.class)).as(policy.id()).extracting(SlaEvent::at)
                    .containsExactlyInAnyOrder(Y1750.plus(Duration.ofHours(1)), Y1750.plus(Duration.ofDays(3)));
            assertThat(h.events(SlaEvent.Fulfilled.class, SlaMetric.FIRST_RESPONSE)).singleElement()
                    .satisfies(f -> assertThat(f.breached()).isTrue());
            SlaSnapshot.MetricState total = h.tracker.snapshot("long").orElseThrow()
                    .metric(SlaMetric.TOTAL_RESOLUTION).orElseThrow();
            assertThat(total.breached()).isTrue();
            assertThat(total.elapsed()).isEqualTo(LONGEST_NANOS); // 500 years saturate at about 292
            h.tracker.on(customerMessage("long", reply.plusSeconds(1))); // later inputs still apply
        }
    }

    @Test
    void shouldSnapshotCenturiesAfterCreationAndRejectAClockPastTheRange() {
        SlaHarness none = new SlaHarness(Y1750, SlaPolicies.of());
        none.tracker.on(created(subject("s"), Y1750));
        none.clock.set(Instant.parse("2150-01-01T00:00:00Z"));
        assertThat(none.tracker.snapshot("s").orElseThrow().metric(SlaMetric.FIRST_RESPONSE).orElseThrow().elapsed())
                .isEqualTo(LONGEST_NANOS);

        SlaHarness bus = new SlaHarness(Y1750, SlaPolicies.of(businessPolicy(
                BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC))));
        bus.tracker.on(created(subject("s"), Y1750));
        bus.clock.set(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(bus.tracker.snapshot("s").orElseThrow().metric(SlaMetric.TOTAL_RESOLUTION).orElseThrow().elapsed())
                .isEqualTo(Duration.between(Y1750, Instant.parse("1900-01-01T00:00:00Z")));
        bus.clock.set(Instant.parse("2259-01-01T00:00:00Z"));
        assertThat(bus.tracker.snapshot("s").orElseThrow().metric(SlaMetric.TOTAL_RESOLUTION).orElseThrow().elapsed())
                .isEqualTo(LONGEST_NANOS);
        bus.clock.set(Instant.parse("2300-01-01T00:00:00Z"));
        assertThatThrownBy(() -> bus.tracker.snapshot("s")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("clock").hasMessageContaining("2300-01-01T00:00:00Z")
                .hasMessageContaining("supported range");
    }

    @Test
    void shouldNotScheduleAReassignPastTheEndOfTheRange() {
        Instant late = Instant.parse("2255-01-01T00:00:00Z");
        SlaPolicy policy = SlaPolicy.builder("ra").reassignIfNoReplyWithin(Duration.ofDays(3650)).build();
        SlaHarness h = new SlaHarness(late, SlaPolicies.of(policy));
        h.tracker.on(created(subject("ra"), late));
        h.tracker.on(assigned("ra", "agent", late.plusSeconds(1)));
        h.tracker.on(customerMessage("ra", late.plusSeconds(2)));
        assertThat(h.wheel.pending()).isZero();
        h.tracker.on(agentReply("ra", "agent", late.plusSeconds(3)));
        assertThat(h.events(SlaEvent.ReassignRequested.class)).isEmpty();
    }

    @Test
    void shouldRejectAMalformedSubjectId() {
        SlaHarness h = new SlaHarness(T0, SlaPolicies.of());
        for (String bad : new String[] {"", " ", "\ud800", "a\nb", "x".repeat(129)}) {
            assertThatThrownBy(() -> h.tracker.snapshot(bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("subjectId");
            assertThatThrownBy(() -> h.tracker.forget(bad)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(h.tracker.snapshot("unknown")).isEmpty();
    }
}
