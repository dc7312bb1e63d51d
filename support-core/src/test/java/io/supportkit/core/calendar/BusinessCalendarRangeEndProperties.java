package io.supportkit.core.calendar;

import io.supportkit.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The ends of the supported range, 1700-01-01T00:00Z and 2260-01-01T00:00Z: deadlines chain there as anywhere else
 * (or both ways throw {@link InvalidInputException}), every instant a calendar returns is accepted back by every
 * method, and next opening and closing agree with the open time they skip.
 */
class BusinessCalendarRangeEndProperties {
    static final Instant MIN = Instant.parse("1700-01-01T00:00:00Z");
    static final Instant MAX = Instant.parse("2260-01-01T00:00:00Z");
    private static final Duration FIVE_YEARS = Duration.ofDays(5 * 365 + 1);
    private static final List<BusinessCalendar> CALENDARS = calendarsNearTheEnds();

    /** The fixtures, calendars open around the clock, and calendars whose hours reach over the range's ends. */
    static List<BusinessCalendar> calendarsNearTheEnds() {
        List<BusinessCalendar> out = new ArrayList<>(CalendarFixtures.all());
        for (ZoneId zone : BusinessCalendarBuilderProperties.ZONES) {
            out.add(BusinessCalendar.alwaysOpen("always-" + zone.getId(), zone));
            out.add(BusinessCalendar.builder("edges-" + zone.getId(), zone)
                    .open(DayOfWeek.MONDAY, "09:00-17:00")
                    .open(DayOfWeek.THURSDAY, "22:00-06:00")
                    .specialHours(LocalDate.of(2259, 12, 31), "last night", "20:00-08:00")
                    .specialHours(LocalDate.of(1700, 1, 1), "first day", "00:00-24:00")
                    .holiday(LocalDate.of(2259, 1, 1), LocalDate.of(2259, 3, 31), "long closing")
                    .holiday(LocalDate.of(1700, 2, 1), LocalDate.of(1700, 4, 30), "long closing")
                    .annualHoliday(MonthDay.of(12, 25), "Christmas")
                    .build());
        }
        // closed for most of the range's first and last year: searches reach over many blocks to the range's ends
        for (ZoneId zone : BusinessCalendarBuilderProperties.ZONES) {
            out.add(BusinessCalendar.builder("closed-most-" + zone.getId(), zone)
                    .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-17:00")
                    .open(DayOfWeek.SUNDAY, "23:00-01:00")
                    .holiday(LocalDate.of(2259, 2, 1), LocalDate.of(2259, 12, 20), "closing")
                    .holiday(LocalDate.of(2258, 2, 1), LocalDate.of(2258, 12, 20), "closing")
                    .holiday(LocalDate.of(1700, 1, 3), LocalDate.of(1700, 11, 30), "closing")
                    .build());
        }
        // open one hour a year: long closed stretches, so searches cross many blocks
        out.add(BusinessCalendar.builder("sparse", ZoneId.of("America/New_York"))
                .specialHours(LocalDate.of(2255, 7, 1), "once", "10:00-11:00")
                .specialHours(LocalDate.of(2257, 7, 1), "once", "10:00-11:00")
                .specialHours(LocalDate.of(2259, 7, 1), "once", "10:00-11:00")
                .specialHours(LocalDate.of(2259, 12, 31), "once", "23:00-01:00")
                .specialHours(LocalDate.of(1700, 7, 1), "once", "10:00-11:00")
                .specialHours(LocalDate.of(1702, 7, 1), "once", "10:00-11:00")
                .build());
        return List.copyOf(out);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CALENDARS);
    }

    /** Within five years before the end: uniform to the nanosecond, or within two days of it, or the end itself. */
    @Provide
    Arbitrary<Instant> nearEnd() {
        long span = FIVE_YEARS.toSeconds();
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, span).withDistribution(RandomDistribution.uniform()).map(s -> MAX.minusSeconds(s))),
                Tuple.of(2, Arbitraries.longs().between(0, 2 * 86_400L * 1_000_000_000L).withDistribution(RandomDistribution.uniform()).map(MAX::minusNanos)),
                Tuple.of(1, Arbitraries.of(MAX, MAX.minusNanos(1), MAX.minusSeconds(86_400))))
                .flatMap(t -> Arbitraries.integers().between(0, 999_999_999).map(n -> t.equals(MAX) || n % 3 == 0 ? t
                        : t.minusNanos(n)))
                .filter(t -> !t.isBefore(MIN) && !t.isAfter(MAX));
    }

    /** Within five years after the start. */
    @Provide
    Arbitrary<Instant> nearStart() {
        long span = FIVE_YEARS.toSeconds();
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, span).withDistribution(RandomDistribution.uniform()).map(MIN::plusSeconds)),
                Tuple.of(2, Arbitraries.longs().between(0, 2 * 86_400L * 1_000_000_000L).withDistribution(RandomDistribution.uniform()).map(MIN::plusNanos)),
                Tuple.of(1, Arbitraries.of(MIN, MIN.plusNanos(1), MIN.plusSeconds(86_400))))
                .flatMap(t -> Arbitraries.integers().between(0, 999_999_999).map(n -> n % 3 == 0 ? t : t.plusNanos(n)));
    }

    /** Minutes to days, occasionally years; now and then past 292 years, where deadline takes two steps. */
    @Provide
    Arbitrary<Duration> amounts() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(1, 24 * 60).map(Duration::ofMinutes)),
                Tuple.of(5, Arbitraries.longs().between(1, 90).map(Duration::ofDays)),
                Tuple.of(2, Arbitraries.longs().between(1, 6 * 365).map(Duration::ofDays)),
                Tuple.of(1, Arbitraries.longs().between(0, 10_000_000_000L).map(Duration::ofNanos)),
                Tuple.of(1, Arbitraries.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(Long.MAX_VALUE),
                        Duration.ofDays(300 * 365))))
                .flatMap(d -> Arbitraries.integers().between(0, 999_999_999).map(n -> n % 2 == 0 ? d : d.plusNanos(n)));
    }

    @Property(tries = 600)
    void deadlinesChainNearTheEnd(@ForAll("calendars") BusinessCalendar cal, @ForAll("nearEnd") Instant t,
                                  @ForAll("amounts") Duration a, @ForAll("amounts") Duration b) {
        deadlinesChain(cal, t, a, b);
    }

    @Property(tries = 600)
    void deadlinesChainNearTheStart(@ForAll("calendars") BusinessCalendar cal, @ForAll("nearStart") Instant t,
                                    @ForAll("amounts") Duration a, @ForAll("amounts") Duration b) {
        deadlinesChain(cal, t, a, b);
    }

    private static void deadlinesChain(BusinessCalendar cal, Instant t, Duration a, Duration b) {
        Object whole = outcome(() -> cal.deadline(t, a.plus(b)));
        Object chained = outcome(() -> {
            Instant first = cal.deadline(t, a);
            acceptedEverywhere(cal, first);
            return cal.deadline(first, b);
        });
        Statistics.label("deadline(t, a + b)").collect(kind(whole));
        Statistics.label("chained").collect(kind(chained));
        Statistics.label("deadline(t, a + b)").coverage(c -> {
            c.check("instant").percentage(p -> p >= 20);
            c.check("throws: after the range").percentage(p -> p >= 2);
        });
        if (whole instanceof Instant w) {
            acceptedEverywhere(cal, w);
            assertThat(chained).as("deadline(deadline(%s, %s), %s) on %s", t, a, b, cal).isEqualTo(w);
        } else {
            assertThat(chained).as("deadline(%s, %s) throws %s, but chained in two steps gives", t, a.plus(b), whole)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Property(tries = 500)
    void whatIsReturnedIsAcceptedNearTheEnd(@ForAll("calendars") BusinessCalendar cal, @ForAll("nearEnd") Instant t,
                                            @ForAll("amounts") Duration a) {
        returnsAreAccepted(cal, t, a);
    }

    @Property(tries = 500)
    void whatIsReturnedIsAcceptedNearTheStart(@ForAll("calendars") BusinessCalendar cal, @ForAll("nearStart") Instant t,
                                              @ForAll("amounts") Duration a) {
        returnsAreAccepted(cal, t, a);
    }

    private static void returnsAreAccepted(BusinessCalendar cal, Instant t, Duration a) {
        Optional<Instant> opening = cal.nextOpening(t);
        Optional<Instant> closing = cal.nextClosing(t);
        Statistics.label("nextOpening").collect(opening.isPresent() ? "present" : "empty");
        Statistics.label("nextClosing").collect(closing.isPresent() ? "present" : "empty");
        Statistics.label("nextOpening").coverage(c -> {
            c.check("present").percentage(p -> p >= 20);
            c.check("empty").percentage(p -> p >= 0.2);
        });
        Statistics.label("nextClosing").coverage(c -> {
            c.check("present").percentage(p -> p >= 20);
            c.check("empty").percentage(p -> p >= 2);
        });
        Instant horizon = t.plus(BusinessCalendar.SEARCH_HORIZON).isAfter(MAX) ? MAX
                : t.plus(BusinessCalendar.SEARCH_HORIZON);
        // next opening: none is open before it; empty only when no open time lies within the horizon
        if (opening.isPresent()) {
            Instant o = opening.get();
            acceptedEverywhere(cal, o);
            assertThat(o).isAfterOrEqualTo(t);
            assertThat(cal.businessDuration(t, o)).as("open time before nextOpening(%s) = %s on %s", t, o, cal).isZero();
            assertThat(cal.isOpen(o)).as("open at nextOpening(%s) = %s on %s", t, o, cal).isTrue();
        } else {
            assertThat(cal.businessDuration(t, horizon)).as("open time in [%s, %s) where nextOpening is empty, on %s",
                    t, horizon, cal).isZero();
        }
        // next closing: open all the way to it; empty only when open all the way to the horizon
        if (closing.isPresent()) {
            Instant c = closing.get();
            acceptedEverywhere(cal, c);
            assertThat(c).isAfterOrEqualTo(t);
            assertThat(cal.businessDuration(t, c)).as("open time before nextClosing(%s) = %s on %s", t, c, cal)
                    .isEqualTo(Duration.between(t, c));
            assertThat(cal.isOpen(c)).as("open at nextClosing(%s) = %s on %s", t, c, cal).isFalse();
        } else {
            assertThat(cal.businessDuration(t, horizon)).as("open time in [%s, %s) where nextClosing is empty, on %s",
                    t, horizon, cal).isEqualTo(Duration.between(t, horizon));
        }
        Object d = outcome(() -> cal.deadline(t, a));
        Statistics.label("deadline").collect(kind(d));
        if (d instanceof Instant r) {
            acceptedEverywhere(cal, r);
            assertThat(cal.businessDuration(t, r)).isEqualTo(a);
        }
    }

    /** Every method takes {@code r} as input; only the amount may still be refused. */
    static void acceptedEverywhere(BusinessCalendar cal, Instant r) {
        assertThat(r).isBetween(MIN, MAX);
        long n = r.getEpochSecond() * 1_000_000_000L + r.getNano();
        assertThatCode(() -> {
            cal.isOpen(r);
            cal.nextOpening(r);
            cal.nextClosing(r);
            assertThat(cal.businessDuration(r, r)).isZero();
            assertThat(cal.openPeriods(r, r)).isEmpty();
            assertThat(cal.deadline(r, Duration.ZERO)).isEqualTo(r);
            assertThat(cal.businessNanos(n, n)).isZero();
            assertThat(cal.deadlineNanos(n, 0)).isEqualTo(n);
            cal.openPeriods(r.minusSeconds(86_400).isBefore(MIN) ? MIN : r.minusSeconds(86_400), r);
            cal.openPeriods(r, r.plusSeconds(86_400).isAfter(MAX) ? MAX : r.plusSeconds(86_400));
            // to the range's ends, when near (a span over the whole range builds every block: seconds per calendar)
            cal.businessDuration(r.minus(FIVE_YEARS).isBefore(MIN) ? MIN : r.minus(FIVE_YEARS), r);
            cal.businessDuration(r, r.plus(FIVE_YEARS).isAfter(MAX) ? MAX : r.plus(FIVE_YEARS));
            cal.hoursOn(LocalDate.ofInstant(r, cal.zone()));
        }).as("%s passed back to %s", r, cal).doesNotThrowAnyException();
        // a small amount more: an instant, or refused for the amount (after the range, or closed too long)
        Object more = outcome(() -> cal.deadline(r, Duration.ofMinutes(1)));
        if (!(more instanceof Instant)) {
            assertThat(((Throwable) more).getMessage()).as("deadline(%s, 1 min) on %s", r, cal)
                    .containsAnyOf("after the supported range", "stays closed");
        }
    }

    /** For the statistics: an instant, or why it threw. */
    static String kind(Object outcome) {
        if (outcome instanceof Instant) {
            return "instant";
        }
        String m = ((Throwable) outcome).getMessage();
        return m.contains("after the supported range") ? "throws: after the range"
                : m.contains("stays closed") ? "throws: stays closed" : "throws: " + m;
    }

    private static Object outcome(java.util.function.Supplier<?> s) {
        try {
            return s.get();
        } catch (InvalidInputException e) {
            return e;
        }
    }
}
