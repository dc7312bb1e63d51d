package io.supportkit.core.calendar;

import io.supportkit.SupportException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The builder is all-or-nothing: a random sequence of builder calls, valid and invalid mixed, is applied to builder
 * A; only the calls A accepted are applied to builder B. Every rejected call throws one of our typed exceptions, B
 * accepts every call A accepted, and the two calendars answer every question alike, so a rejected call left no
 * trace.
 */
class BusinessCalendarBuilderProperties {
    static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Tehran"), ZoneId.of("Europe/Istanbul"), ZoneId.of("UTC"));
    /** Most dates and instants fall here, so that the calls overlap each other and the queries see them. */
    private static final LocalDate WINDOW_START = LocalDate.of(2020, 1, 1);
    private static final int WINDOW_DAYS = 3 * 365;
    private static final Instant WINDOW_FROM = WINDOW_START.atStartOfDay(ZoneId.of("UTC")).toInstant();
    private static final Instant WINDOW_TO = WINDOW_FROM.plus(Duration.ofDays(WINDOW_DAYS));
    private static final String HUGE = "0".repeat(100_000);

    // ---- builder calls -------------------------------------------------------------------------------------------

    /** One builder call; {@link #kind} names it for the statistics. */
    interface Call {
        void apply(BusinessCalendar.Builder b);

        String kind();
    }

    record OpenDay(DayOfWeek day, List<String> intervals) implements Call {
        public void apply(BusinessCalendar.Builder b) {
            b.open(day, array(intervals));
        }

        public String kind() {
            return "open(day)";
        }

        @Override
        public String toString() {
            return "open(" + day + ", " + show(intervals) + ")";
        }
    }

    record OpenRange(DayOfWeek first, DayOfWeek last, List<String> intervals) implements Call {
        public void apply(BusinessCalendar.Builder b) {
            b.open(first, last, array(intervals));
        }

        public String kind() {
            return "open(first, last)";
        }

        @Override
        public String toString() {
            return "open(" + first + ", " + last + ", " + show(intervals) + ")";
        }
    }

    record OpenList(DayOfWeek day, List<OpeningInterval> intervals) implements Call {
        public void apply(BusinessCalendar.Builder b) {
            b.open(day, intervals);
        }

        public String kind() {
            return "open(day, list)";
        }
    }

    record Holiday(LocalDate date, String name) implements Call {
        public void apply(BusinessCalendar.Builder b) {
            b.holiday(date, name);
        }

        public String kind() {
            return "holiday(date)";
        }

        @Override
        public String toString() {
            return "holiday(" + date + ", " + show(name) + ")";
        }
    }

    record HolidayRange(LocalDate from, LocalDate to, String name) implements Call {
        public void apply(BusinessCalendar.Builder b) {
            b.holiday(from, to, name);
        }

        public String kind() {
            return "holiday(from, to)";
        }

        @Override
        public String toString() {
            return "holiday(" + from + ", " + to + ", " + show(name) + ")";
        }
    }

    record Annual(MonthDay day, String name) implements Call {
        public void apply(BusinessCalendar.Builder b) {
            b.annualHoliday(day, name);
        }

        public String kind() {
            return "annualHoliday";
        }

        @Override
        public String toString() {
            return "annualHoliday(" + day + ", " + show(name) + ")";
        }
    }

    record Special(LocalDate date, String name, List<String> intervals) implements Call {
        public void apply(BusinessCalendar.Builder b) {
            b.specialHours(date, name, array(intervals));
        }

        public String kind() {
            return "specialHours";
        }

        @Override
        public String toString() {
            return "specialHours(" + date + ", " + show(name) + ", " + show(intervals) + ")";
        }
    }

    private static String[] array(List<String> intervals) {
        return intervals == null ? null : intervals.toArray(new String[0]);
    }

    private static String show(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + " chars)" : s;
        StringBuilder out = new StringBuilder("\"");
        shown.chars().forEach(c -> out.append(c < 0x20 || Character.isSurrogate((char) c)
                ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    private static String show(List<String> intervals) {
        return intervals == null ? "(String[]) null"
                : intervals.stream().map(BusinessCalendarBuilderProperties::show).toList().toString();
    }

    // ---- generators ----------------------------------------------------------------------------------------------

    static Arbitrary<String> validInterval() {
        Arbitrary<Integer> quarter = Arbitraries.integers().between(0, 95);
        Arbitrary<String> onQuarters = Combinators.combine(quarter, quarter).as((s, e) ->
                String.format("%02d:%02d-%s", s / 4, s % 4 * 15, e == 0 && s > 0 && s % 7 == 0 ? "24:00"
                        : String.format("%02d:%02d", e / 4, e % 4 * 15)));
        return Arbitraries.frequencyOf(
                Tuple.of(12, onQuarters),
                Tuple.of(2, Arbitraries.of("09:00-17:00", "22:00-06:00", "00:00-24:00", "08:00-12:00", "13:00-17:00",
                        "01:30-03:30", "02:10-02:50", "23:30-00:30")),
                Tuple.of(1, Arbitraries.of("09:00:30-17:00:15", " 10:00 - 11:00 ", "00:00-00:00", "23:59:59-00:00:01",
                        "12:00-24:00:00")));
    }

    static Arbitrary<String> invalidInterval() {
        return Arbitraries.of("", "-", "09:00", "09:00-", "-17:00", "9-5", "25:00-26:00", "09:60-10:00",
                "24:00-01:00", "09:00-10:00-11:00", "09:00--10:00", "09:00-10:00.5", "\uFF10\uFF19:00-10:00",
                "\ud800-10:00", "09:00-\udc00", "nine to five", "09:00\u0000-10:00", HUGE, HUGE + "-10:00");
    }

    static Arbitrary<List<String>> intervalArray() {
        Arbitrary<String> one = Arbitraries.frequencyOf(Tuple.of(18, validInterval()), Tuple.of(2, invalidInterval()),
                Tuple.of(1, Arbitraries.just(null)));
        return one.list().ofMinSize(0).ofMaxSize(3).injectNull(0.02);
    }

    static Arbitrary<DayOfWeek> day() {
        return Arbitraries.of(DayOfWeek.class).injectNull(0.02);
    }

    static Arbitrary<String> name() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of("Nowruz", "Christmas", "Yalda night", "Sizdah Bedar", "Bayram",
                        "\uD83C\uDF84 party", "Tag der Arbeit", "x".repeat(200))),
                Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)),
                Tuple.of(1, Arbitraries.of("", "   ", "\t", "bell\u0007")),   // blank and control: accepted
                Tuple.of(2, Arbitraries.of("x".repeat(201), HUGE, "\ud800", "a\udc00b", "\uD83C", "ok\uDF84")),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<LocalDate> date() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.integers().between(0, WINDOW_DAYS).withDistribution(RandomDistribution.uniform()).map(WINDOW_START::plusDays)),
                Tuple.of(3, Arbitraries.of(LocalDate.of(1700, 1, 1), LocalDate.of(1699, 12, 31),
                        LocalDate.of(2259, 12, 31), LocalDate.of(2260, 1, 1), LocalDate.MAX, LocalDate.MIN,
                        LocalDate.of(1700, 3, 1), LocalDate.of(2259, 6, 1), LocalDate.of(-5, 1, 1))),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Long> rangeDays() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.longs().between(0, 14)),
                Tuple.of(3, Arbitraries.of(365L, 366L, 367L, 400L, -1L, -30L, 100_000L, Long.MAX_VALUE,
                        Long.MIN_VALUE)));
    }

    static Arbitrary<HolidayRange> holidayRange() {
        return Combinators.combine(date(), rangeDays(), name()).as((from, days, name) -> {
            LocalDate to;
            if (from == null) {
                to = WINDOW_START;
            } else {
                try {
                    to = from.plusDays(days);
                } catch (DateTimeException | ArithmeticException e) {
                    to = days > 0 ? LocalDate.MAX : LocalDate.MIN;
                }
            }
            return new HolidayRange(from, to, name);
        });
    }

    static Arbitrary<MonthDay> monthDay() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(0, 365).map(d -> MonthDay.from(LocalDate.of(2024, 1, 1)
                        .plusDays(d)))),
                Tuple.of(1, Arbitraries.of(MonthDay.of(2, 29), MonthDay.of(12, 31), MonthDay.of(1, 1))),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Call> call() {
        Arbitrary<Call> openDay = Combinators.combine(day(), intervalArray()).as(OpenDay::new);
        Arbitrary<Call> openRange = Combinators.combine(day(), day(), intervalArray()).as(OpenRange::new);
        Arbitrary<Call> openList = Combinators.combine(day(),
                validInterval().map(OpeningInterval::parse).injectNull(0.05).list().ofMaxSize(3).injectNull(0.02))
                .as(OpenList::new);
        Arbitrary<Call> holiday = Combinators.combine(date(), name()).as(Holiday::new);
        Arbitrary<Call> annual = Combinators.combine(monthDay(), name()).as(Annual::new);
        Arbitrary<Call> special = Combinators.combine(date(), name(), intervalArray()).as(Special::new);
        return Arbitraries.frequencyOf(
                Tuple.of(6, openDay), Tuple.of(3, openRange), Tuple.of(1, openList),
                Tuple.of(3, holiday), Tuple.of(3, holidayRange().map(c -> (Call) c)),
                Tuple.of(2, annual), Tuple.of(4, special));
    }

    record Query(Instant t, Duration span, Duration amount, LocalDate date) {
    }

    /** Instants: uniform in the window, within two days of a DST transition of the zone, and at the range's ends. */
    static Arbitrary<Instant> instant(ZoneId zone) {
        List<Instant> transitions = new ArrayList<>();
        for (ZoneOffsetTransition tr : zone.getRules().getTransitions()) {
            if (tr.getInstant().isAfter(WINDOW_FROM.minus(Duration.ofDays(5 * 365))) && tr.getInstant().isBefore(WINDOW_TO)) {
                transitions.add(tr.getInstant());
            }
        }
        // rules of zones still changing twice a year: New York, Berlin
        for (int y = 2020; y <= 2022; y++) {
            ZoneOffsetTransition tr = zone.getRules().nextTransition(LocalDate.of(y, 1, 1).atStartOfDay(zone).toInstant());
            if (tr != null && tr.getInstant().isBefore(WINDOW_TO)) {
                transitions.add(tr.getInstant());
            }
        }
        Arbitrary<Instant> uniform = Arbitraries.longs().between(WINDOW_FROM.getEpochSecond(), WINDOW_TO.getEpochSecond())
                .withDistribution(RandomDistribution.uniform())
                .map(s -> Instant.ofEpochSecond(s - s % 60));
        Arbitrary<Instant> ends = Arbitraries.of(Instant.parse("1700-01-01T00:00:00Z"), Instant.parse("1700-01-03T12:00:00Z"),
                Instant.parse("2259-12-30T12:00:00Z"), Instant.parse("2259-12-31T23:00:00Z"),
                Instant.parse("2260-01-01T00:00:00Z"));
        if (transitions.isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(9, uniform), Tuple.of(1, ends));
        }
        Arbitrary<Instant> near = Combinators.combine(Arbitraries.of(transitions), Arbitraries.longs().between(-2 * 1440, 2 * 1440))
                .as((tr, m) -> tr.plusSeconds(m * 60));
        return Arbitraries.frequencyOf(Tuple.of(5, uniform), Tuple.of(4, near), Tuple.of(1, ends));
    }

    static Arbitrary<Query> query(ZoneId zone) {
        Arbitrary<Duration> span = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(0, 3 * 1440)),
                Tuple.of(2, Arbitraries.longs().between(0, 60 * 1440))).map(Duration::ofMinutes);
        Arbitrary<Duration> amount = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.longs().between(0, 3 * 1440)),
                Tuple.of(2, Arbitraries.longs().between(0, 300 * 60))).map(Duration::ofMinutes);
        return Combinators.combine(instant(zone), span, amount, date()).as(Query::new);
    }

    record Scenario(ZoneId zone, List<Call> calls, List<Query> queries) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.of(ZONES).flatMap(zone -> Combinators.combine(
                call().list().ofMinSize(1).ofMaxSize(14),
                query(zone).list().ofMinSize(6).ofMaxSize(12)).as((calls, queries) -> new Scenario(zone, calls, queries)));
    }

    // ---- the property --------------------------------------------------------------------------------------------

    @Property(tries = 400)
    void aRejectedCallLeavesNoTrace(@ForAll("scenarios") Scenario s) {
        BusinessCalendar.Builder a = BusinessCalendar.builder("p", s.zone());
        BusinessCalendar.Builder b = BusinessCalendar.builder("p", s.zone());
        List<Call> accepted = new ArrayList<>();
        int rejected = 0;
        for (Call c : s.calls()) {
            try {
                c.apply(a);
                accepted.add(c);
                Statistics.label("call").collect(c.kind(), "accepted");
            } catch (SupportException e) {
                rejected++;
                Statistics.label("call").collect(c.kind(), "rejected");
                Statistics.label("rejected with").collect(e.getClass().getSimpleName());
            } catch (Throwable e) {
                throw new AssertionError(c + " threw " + e + ", not a SupportException", e);
            }
        }
        for (Call c : accepted) {
            try {
                c.apply(b);
            } catch (Throwable e) {
                throw new AssertionError("B rejected " + c + ", which A accepted after " + s.calls(), e);
            }
        }
        Statistics.label("rejected per sequence").collect(rejected == 0 ? "none" : rejected * 3 < s.calls().size()
                ? "under a third" : rejected == s.calls().size() ? "all" : "a third or more");

        checkTheMix();
        BusinessCalendar ca;
        try {
            ca = a.build();
        } catch (Throwable e) {
            Statistics.label("build").collect("fails");
            Throwable be = outcomeOf(() -> b.build()) instanceof Failure f ? f.thrown() : null;
            assertThat(be).as("B builds where A throws %s", e).isNotNull();
            assertThat(be.getClass()).isEqualTo(e.getClass());
            assertThat(be.getMessage()).isEqualTo(e.getMessage());
            return;
        }
        BusinessCalendar cb = b.build();
        Statistics.label("build").collect(ca.weeklyHours().isEmpty() ? "no weekly hours" : "weekly hours");
        assertThat(cb.weeklyHours()).as("weekly hours").isEqualTo(ca.weeklyHours());
        assertThat(ca.weeklyHours().values()).as("weekly hours: days without hours are absent").noneMatch(List::isEmpty);

        for (Query q : s.queries()) {
            Instant t = q.t();
            Instant to = t.plus(q.span());
            same("isOpen(" + t + ")", () -> ca.isOpen(t), () -> cb.isOpen(t));
            same("nextOpening(" + t + ")", () -> ca.nextOpening(t), () -> cb.nextOpening(t));
            same("nextClosing(" + t + ")", () -> ca.nextClosing(t), () -> cb.nextClosing(t));
            same("businessDuration(" + t + ", " + to + ")", () -> ca.businessDuration(t, to), () -> cb.businessDuration(t, to));
            same("openPeriods(" + t + ", " + to + ")", () -> ca.openPeriods(t, to), () -> cb.openPeriods(t, to));
            Object d = same("deadline(" + t + ", " + q.amount() + ")", () -> ca.deadline(t, q.amount()),
                    () -> cb.deadline(t, q.amount()));
            Statistics.label("deadline").collect(d instanceof Failure f ? f.thrown().getClass().getSimpleName()
                    : q.amount().isZero() ? "zero amount" : "instant");
            Statistics.label("instant").collect(t.isBefore(Instant.parse("1701-01-01T00:00:00Z")) || t.isAfter(Instant.parse("2259-01-01T00:00:00Z")) ? "range end"
                    : isNearTransition(s.zone(), t) ? "near DST transition" : "in window");
            LocalDate date = q.date();
            same("hoursOn(" + date + ")", () -> ca.hoursOn(date), () -> cb.hoursOn(date));
            same("holidayName(" + date + ")", () -> ca.holidayName(date), () -> cb.holidayName(date));
            same("specialDay(" + date + ")", () -> ca.specialDay(date), () -> cb.specialDay(date));
        }
        checkTheQueries();
        // the dates the calls named, where a trace would show first
        for (Call c : s.calls()) {
            for (LocalDate date : datesOf(c)) {
                same("hoursOn(" + date + ")", () -> ca.hoursOn(date), () -> cb.hoursOn(date));
                same("holidayName(" + date + ")", () -> ca.holidayName(date), () -> cb.holidayName(date));
                same("specialDay(" + date + ")", () -> ca.specialDay(date), () -> cb.specialDay(date));
            }
        }
    }

    /** The generators give a mix worth testing: checked over all tries, loosely, so that no seed fails it. */
    private static void checkTheMix() {
        Statistics.label("call").coverage(c -> {
            for (String kind : List.of("open(day)", "open(first, last)", "open(day, list)", "holiday(date)",
                    "holiday(from, to)", "annualHoliday", "specialHours")) {
                c.check(kind, "accepted").percentage(p -> p >= 0.5);
                c.check(kind, "rejected").percentage(p -> p >= 0.5);
            }
        });
        Statistics.label("rejected with").coverage(c -> {
            c.check("InvalidInputException").percentage(p -> p >= 20);
            c.check("ConfigurationException").percentage(p -> p >= 20);
        });
        Statistics.label("rejected per sequence").coverage(c -> {
            c.check("none").percentage(p -> p >= 1);
            c.check("under a third").percentage(p -> p >= 3);
            c.check("a third or more").percentage(p -> p >= 30);
        });
    }

    private static void checkTheQueries() {
        Statistics.label("instant").coverage(c -> {
            c.check("near DST transition").percentage(p -> p >= 15);
            c.check("range end").percentage(p -> p >= 3);
            c.check("in window").percentage(p -> p >= 30);
        });
        Statistics.label("deadline").coverage(c -> {
            c.check("instant").percentage(p -> p >= 40);
            c.check("InvalidInputException").percentage(p -> p >= 5);
        });
    }

    private static List<LocalDate> datesOf(Call c) {
        List<LocalDate> out = new ArrayList<>();
        if (c instanceof Holiday h) {
            out.add(h.date());
        } else if (c instanceof HolidayRange r) {
            out.add(r.from());
            out.add(r.to());
        } else if (c instanceof Special sp) {
            out.add(sp.date());
        }
        out.removeIf(Objects::isNull);
        return out;
    }

    private static boolean isNearTransition(ZoneId zone, Instant t) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(t.minus(Duration.ofDays(2)));
        return next != null && Duration.between(t, next.getInstant()).abs().compareTo(Duration.ofDays(2)) <= 0;
    }

    record Failure(Throwable thrown) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Failure f && f.thrown.getClass() == thrown.getClass()
                    && Objects.equals(f.thrown.getMessage(), thrown.getMessage());
        }

        @Override
        public int hashCode() {
            return thrown.getClass().hashCode();
        }

        @Override
        public String toString() {
            return "throws " + thrown;
        }
    }

    static Object outcomeOf(Supplier<?> s) {
        try {
            return s.get();
        } catch (SupportException e) {
            return new Failure(e);
        } catch (Throwable e) {
            throw new AssertionError("threw " + e + ", not a SupportException", e);
        }
    }

    private static Object same(String what, Supplier<?> a, Supplier<?> b) {
        Object ra = outcomeOf(a);
        Object rb = outcomeOf(b);
        if (!Objects.equals(ra, rb)) {
            fail("%s: A gives %s, B gives %s", what, ra, rb);
        }
        return ra;
    }
}
