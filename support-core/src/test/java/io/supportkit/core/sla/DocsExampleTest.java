package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/sla.md, kept compiling and true. */
class DocsExampleTest {
    @Test
    void shouldBehaveAsTheDocumentationSays() {
        VirtualClock clock = VirtualClock.at(Instant.parse("2026-03-27T12:00:00Z"));  // Friday 15:00 in Istanbul
        TimerWheel wheel = TimerWheel.builder().clock(clock).build();

        BusinessCalendar istanbul = BusinessCalendar.fromJson("""
            {"id": "istanbul", "zone": "Europe/Istanbul",
             "weekly": {"MONDAY": ["09:00-12:30", "13:30-18:00"], "TUESDAY": ["09:00-12:30", "13:30-18:00"],
                        "WEDNESDAY": ["09:00-12:30", "13:30-18:00"], "THURSDAY": ["09:00-12:30", "13:30-18:00"],
                        "FRIDAY": ["09:00-12:30", "13:30-18:00"]},
             "holidays": [{"annual": "10-29", "name": "Republic Day"}]}
            """);
        SlaPolicy vip = SlaPolicy.builder("vip")
                .when(SlaCondition.builder().customerTiers("vip").build())
                .calendar(istanbul)
                .target(SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(30), TimeBasis.BUSINESS)
                .target(SlaMetric.FIRST_RESPONSE, Priority.URGENT, Duration.ofMinutes(5), TimeBasis.CALENDAR)
                .target(SlaMetric.NEXT_RESPONSE, Duration.ofHours(1), TimeBasis.BUSINESS)
                .target(SlaMetric.TOTAL_RESOLUTION, Duration.ofHours(24), TimeBasis.BUSINESS)
                .warnAtFraction(0.8)
                .onBreach(EscalationAction.raisePriority(), EscalationAction.notifySupervisor("lead-istanbul"))
                .reassignIfNoReplyWithin(Duration.ofMinutes(10))
                .build();

        List<SlaEvent> events = new ArrayList<>();
        SlaTracker tracker = SlaTracker.builder()
                .policies(SlaPolicies.of(vip))
                .timers(wheel)
                .listener(events::add)
                .build();

        SlaSubject conv = SlaSubject.builder("conv-42", Priority.NORMAL).customerTier("vip").channel("whatsapp").build();
        tracker.on(SlaInput.created(conv, clock.instant()));
        clock.advance(Duration.ofDays(3));
        wheel.advance();

        assertThat(events).filteredOn(e -> e instanceof SlaEvent.Warning w && w.metric() == SlaMetric.FIRST_RESPONSE)
                .extracting(SlaEvent::at).containsExactly(Instant.parse("2026-03-27T12:24:00Z"));
        assertThat(events).filteredOn(e -> e instanceof SlaEvent.Breached b && b.metric() == SlaMetric.FIRST_RESPONSE)
                .extracting(SlaEvent::at).containsExactly(Instant.parse("2026-03-27T12:30:00Z"));
        // 24 business hours of resolution: Friday 3 h, Monday 8 h, Tuesday 8 h, Wednesday 3.5 h + 1.5 h after lunch
        assertThat(tracker.snapshot("conv-42")).get().satisfies(s -> assertThat(s.metric(SlaMetric.TOTAL_RESOLUTION))
                .get().satisfies(m -> {
                    assertThat(m.due()).isEqualTo(Instant.parse("2026-04-01T12:00:00Z")); // Wednesday 15:00 local
                    assertThat(m.elapsed()).isEqualTo(Duration.ofHours(8));  // Friday 3 h + Monday until 15:00, 5 h
                }));
    }
}
