package io.supportkit.core.sla;

import io.supportkit.storage.Priority;
import io.supportkit.core.calendar.BusinessCalendar;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cumulative clocks against a model: for random status histories, each metric's elapsed business time equals the
 * business time the subject spent in that metric's running statuses; and events never go back in time.
 */
class SlaClockProperties {
    private static final Instant START = Instant.parse("2026-03-27T06:00:00Z");
    private static final BusinessCalendar BERLIN = BusinessCalendar.builder("berlin", ZoneId.of("Europe/Berlin"))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "08:00-12:00", "13:00-17:30")
            .open(DayOfWeek.SATURDAY, "22:00-04:00")
            .build();
    private static final List<SlaMetric> CUMULATIVE = List.of(SlaMetric.REQUESTER_WAIT, SlaMetric.AGENT_WORK,
            SlaMetric.TOTAL_RESOLUTION);

    record Step(long minutes, SlaStatus status) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<SlaStatus> statuses = Arbitraries.of(SlaStatus.NEW, SlaStatus.OPEN, SlaStatus.PENDING,
                SlaStatus.ON_HOLD, SlaStatus.SOLVED);
        return Combinators.combine(Arbitraries.longs().between(0, 3000), statuses).as(Step::new).list().ofMaxSize(25);
    }

    @Property(tries = 200)
    void cumulativeClocksShouldCountBusinessTimeInTheirRunningStatuses(@ForAll("histories") List<Step> steps) {
        SlaPolicy.Builder b = SlaPolicy.builder("p").calendar(BERLIN);
        for (SlaMetric m : CUMULATIVE) {
            b.target(m, Duration.ofHours(20), TimeBasis.BUSINESS);
        }
        SlaHarness h = new SlaHarness(START, SlaPolicies.of(b.build()));
        h.feed(SlaInput.created(SlaSubject.builder("s", Priority.NORMAL).build(), START));
        Map<SlaMetric, Duration> model = new EnumMap<>(SlaMetric.class);
        CUMULATIVE.forEach(m -> model.put(m, Duration.ZERO));
        SlaStatus status = SlaStatus.NEW;
        Instant t = START;
        for (Step step : steps) {
            Instant next = t.plus(Duration.ofMinutes(step.minutes()));
            for (SlaMetric m : CUMULATIVE) {
                if (m.defaultRunningStatuses().contains(status)) {
                    model.put(m, model.get(m).plus(BERLIN.businessDuration(t, next)));
                }
            }
            t = next;
            status = step.status();
            h.feed(SlaInput.statusChanged("s", status, t));
        }
        SlaSnapshot snap = h.tracker.snapshot("s").orElseThrow();
        for (SlaMetric m : CUMULATIVE) {
            assertThat(snap.metric(m)).get().satisfies(ms -> {
                assertThat(ms.elapsed()).as(m.name()).isEqualTo(model.get(m));
                assertThat(ms.breached()).isEqualTo(model.get(m).compareTo(Duration.ofHours(20)) >= 0);
            });
        }
        assertThat(h.events.stream().map(SlaEvent::at).toList()).isSorted();
        assertThat(h.events(SlaEvent.Breached.class)).allSatisfy(e ->
                assertThat(e.elapsed()).isEqualTo(Duration.ofHours(20)));
    }
}
