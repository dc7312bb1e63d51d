package io.supportkit.core.calendar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

import static io.supportkit.core.calendar.CalendarFixtures.referenceBusinessMinutes;
import static io.supportkit.core.calendar.CalendarFixtures.referenceDeadline;
import static io.supportkit.core.calendar.CalendarFixtures.referenceNextOpening;
import static io.supportkit.core.calendar.CalendarFixtures.referenceOpen;
import static org.assertj.core.api.Assertions.assertThat;

/** Calendar arithmetic against the minute-by-minute reference, with instants biased to DST transitions. */
class BusinessCalendarProperties {
    private static final List<BusinessCalendar> CALENDARS = CalendarFixtures.all();
    private static final Instant FROM = Instant.parse("2015-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2028-01-01T00:00:00Z");

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    /** Minute-aligned instants: half uniformly in 2015..2027, half within two days of a DST transition of the zone. */
    private static Arbitrary<Instant> minuteNear(BusinessCalendar cal) {
        List<Instant> transitions = new ArrayList<>();
        for (ZoneOffsetTransition tr : cal.zone().getRules().getTransitions()) {
            if (tr.getInstant().isAfter(FROM) && tr.getInstant().isBefore(TO)) {
                transitions.add(tr.getInstant());
            }
        }
        Arbitrary<Instant> uniform = Arbitraries.longs().between(FROM.getEpochSecond() / 60, TO.getEpochSecond() / 60)
                .map(m -> Instant.ofEpochSecond(m * 60));
        if (transitions.isEmpty()) {
            return uniform;
        }
        Arbitrary<Instant> near = Combinators.combine(Arbitraries.of(transitions),
                Arbitraries.longs().between(-2 * 1440, 2 * 1440)).as((tr, off) -> tr.plusSeconds(off * 60));
        return Arbitraries.oneOf(uniform, near);
    }

    @Provide
    Arbitrary<Case> cases() {
        return calendars().flatMap(cal -> Combinators.combine(minuteNear(cal),
                Arbitraries.longs().between(0, 3 * 1440)).as((t, m) -> new Case(cal, t, m)));
    }

    record Case(BusinessCalendar cal, Instant t, long minutes) {
    }

    @Property(tries = 400)
    void shouldMatchReferenceOnIsOpen(@ForAll("cases") Case c) {
        assertThat(c.cal().isOpen(c.t())).as("%s at %s (%s)", c.cal(), c.t(), ZonedDateTime.ofInstant(c.t(), c.cal().zone()))
                .isEqualTo(referenceOpen(c.cal(), c.t()));
    }

    @Property(tries = 150)
    void shouldMatchReferenceOnBusinessDuration(@ForAll("cases") Case c) {
        Instant to = c.t().plusSeconds(c.minutes() * 60);
        assertThat(c.cal().businessDuration(c.t(), to)).as("%s from %s", c.cal(), c.t())
                .isEqualTo(Duration.ofMinutes(referenceBusinessMinutes(c.cal(), c.t(), to)));
    }

    @Property(tries = 150)
    void shouldMatchReferenceOnDeadline(@ForAll("cases") Case c) {
        assertThat(c.cal().deadline(c.t(), Duration.ofMinutes(c.minutes()))).as("%s from %s + %d min", c.cal(), c.t(), c.minutes())
                .isEqualTo(referenceDeadline(c.cal(), c.t(), c.minutes()));
    }

    @Property(tries = 200)
    void shouldMatchReferenceOnNextOpening(@ForAll("cases") Case c) {
        assertThat(c.cal().nextOpening(c.t())).contains(referenceNextOpening(c.cal(), c.t()));
    }

    @Property(tries = 1000)
    void deadlineShouldBeAdditive(@ForAll("calendars") BusinessCalendar cal,
                                  @ForAll @LongRange(min = 1_420_070_400_000L, max = 1_830_000_000_000L) long tMillis,
                                  @ForAll @LongRange(min = 0, max = 40L * 3600 * 1000) long aMillis,
                                  @ForAll @LongRange(min = 0, max = 40L * 3600 * 1000) long bMillis,
                                  @ForAll @LongRange(min = 0, max = 999_999) long nanos) {
        Instant t = Instant.ofEpochMilli(tMillis).plusNanos(nanos);
        Duration a = Duration.ofMillis(aMillis).plusNanos(nanos / 3);
        Duration b = Duration.ofMillis(bMillis);
        assertThat(cal.deadline(cal.deadline(t, a), b)).isEqualTo(cal.deadline(t, a.plus(b)));
    }

    @Property(tries = 500)
    void businessDurationShouldInvertDeadline(@ForAll("calendars") BusinessCalendar cal,
                                              @ForAll @LongRange(min = 1_420_070_400_000L, max = 1_830_000_000_000L) long tMillis,
                                              @ForAll @LongRange(min = 0, max = 200L * 3600 * 1000) long aMillis) {
        Instant t = Instant.ofEpochMilli(tMillis);
        Duration a = Duration.ofMillis(aMillis);
        Instant d = cal.deadline(t, a);
        assertThat(cal.businessDuration(t, d)).isEqualTo(a);
        if (!a.isZero()) {
            assertThat(cal.businessDuration(t, d.minusNanos(1))).isLessThan(a);
        }
    }

    @Property(tries = 300)
    void businessDurationShouldBeAdditiveOverSplits(@ForAll("calendars") BusinessCalendar cal,
                                                    @ForAll @LongRange(min = 1_420_070_400L, max = 1_830_000_000L) long from,
                                                    @ForAll @LongRange(min = 0, max = 90L * 86400) long len,
                                                    @ForAll @LongRange(min = 0, max = 1000) long splitPermille) {
        Instant a = Instant.ofEpochSecond(from);
        Instant c = a.plusSeconds(len);
        Instant b = a.plusSeconds(len * splitPermille / 1000);
        assertThat(cal.businessDuration(a, b).plus(cal.businessDuration(b, c))).isEqualTo(cal.businessDuration(a, c));
    }
}
