package io.supportkit.core.calendar;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import io.supportkit.core.calendar.internal.CalendarJsonReader;
import io.supportkit.core.calendar.internal.SegmentTimeline;
import io.supportkit.internal.Require;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Business hours of a team: weekly opening intervals (several per day, crossing midnight allowed) in one time zone,
 * holidays (one-off dates, date ranges, and dates that recur every year) and special opening hours on a date.
 *
 * <p>Answers, exact to the nanosecond and in O(log n) once the month is cached: {@link #isOpen}, {@link #nextOpening},
 * {@link #businessDuration} and {@link #deadline}. Daylight-saving transitions are handled exactly: a time is open
 * when the wall clock of the calendar's zone reads a time inside an interval of that date, so a night shift is an
 * hour shorter on the spring-forward night and an hour longer on the fall-back night. For every {@code t} and
 * positive {@code a}, {@code b}: {@code deadline(deadline(t, a), b).equals(deadline(t, a.plus(b)))}, or both throw.
 *
 * <p>Which hours apply on a date: special hours on that date if any (they win over a holiday, so a shop can open
 * for a half day on a holiday); otherwise none if the date is a holiday; otherwise the weekly hours of its day.
 *
 * <p>Immutable and thread-safe. Supported instants: years 1700 to 2259, that is from {@code 1700-01-01T00:00:00Z} to
 * {@code 2260-01-01T00:00:00Z} inclusive; others are an {@link InvalidInputException}. Every instant a calendar
 * returns lies in that range too, so it can always be passed back in: a deadline that would fall later is an
 * {@link InvalidInputException}, and a next opening or closing that would is none.
 *
 * <pre>{@code
 * BusinessCalendar cal = BusinessCalendar.builder("tehran-support", ZoneId.of("Asia/Tehran"))
 *         .open(DayOfWeek.SATURDAY, "08:00-12:00", "13:00-17:00")
 *         .holiday(LocalDate.of(2027, 3, 21), LocalDate.of(2027, 3, 24), "Nowruz")
 *         .annualHoliday(MonthDay.of(12, 21), "Yalda night")
 *         .build();
 * Instant due = cal.deadline(now, Duration.ofHours(8));
 * }</pre>
 */
public final class BusinessCalendar {
    /** How far {@link #nextOpening} and {@link #deadline} look before deciding the calendar never opens. */
    public static final Duration SEARCH_HORIZON = Duration.ofDays(3 * 366);
    private static final Duration MAX_NANOS_DURATION = Duration.ofNanos(Long.MAX_VALUE);

    private final String id;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningInterval>> weekly;
    private final Map<LocalDate, String> holidays;
    private final Map<MonthDay, String> annualHolidays;
    private final Map<LocalDate, SpecialDay> specialDays;
    private final int[][] weeklyPacked;
    private final SegmentTimeline timeline;

    private BusinessCalendar(Builder b) {
        this.id = b.id;
        this.zone = b.zone;
        EnumMap<DayOfWeek, List<OpeningInterval>> w = new EnumMap<>(DayOfWeek.class);
        // open(day) with no intervals records an empty list; weeklyHours promises such a day is absent
        b.weekly.forEach((d, l) -> {
            if (!l.isEmpty()) {
                w.put(d, List.copyOf(l));
            }
        });
        this.weekly = Collections.unmodifiableMap(w);
        this.holidays = Collections.unmodifiableMap(new TreeMap<>(b.holidays));
        this.annualHolidays = Collections.unmodifiableMap(new TreeMap<>(b.annualHolidays));
        this.specialDays = Collections.unmodifiableMap(new TreeMap<>(b.specialDays));
        this.weeklyPacked = new int[7][];
        for (DayOfWeek d : DayOfWeek.values()) {
            weeklyPacked[d.ordinal()] = pack(weekly.getOrDefault(d, List.of()));
        }
        Map<LocalDate, int[]> specialPacked = new HashMap<>();
        specialDays.forEach((date, s) -> specialPacked.put(date, pack(s.hours())));
        this.timeline = new SegmentTimeline(zone, date -> {
            int[] special = specialPacked.get(date);
            if (special != null) {
                return special;
            }
            if (isHoliday(date)) {
                return new int[0];
            }
            return weeklyPacked[date.getDayOfWeek().ordinal()];
        });
    }

    /** Starts a calendar with the given id and zone; it is closed until opening intervals are added. */
    public static Builder builder(String id, ZoneId zone) {
        return new Builder(id, zone);
    }

    /** A calendar that is open around the clock, every day: business time equals calendar time. */
    public static BusinessCalendar alwaysOpen(String id, ZoneId zone) {
        Builder b = builder(id, zone);
        for (DayOfWeek d : DayOfWeek.values()) {
            b.open(d, "00:00-24:00");
        }
        return b.build();
    }

    /** Reads a calendar from JSON; the format is described in {@code docs/sla.md}. */
    public static BusinessCalendar fromJson(String json) {
        return CalendarJsonReader.read(Require.nonNull(json, "json"));
    }

    /** Reads a calendar from a UTF-8 JSON stream, which is not closed. */
    public static BusinessCalendar fromJson(InputStream json) {
        return CalendarJsonReader.read(Require.nonNull(json, "json"));
    }

    public String id() {
        return id;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The weekly hours, by day; days without hours are absent. */
    public Map<DayOfWeek, List<OpeningInterval>> weeklyHours() {
        return weekly;
    }

    /** The hours that start on {@code date}, after holidays and special days are applied. */
    public List<OpeningInterval> hoursOn(LocalDate date) {
        Require.nonNull(date, "date");
        SpecialDay special = specialDays.get(date);
        if (special != null) {
            return special.hours();
        }
        if (isHoliday(date)) {
            return List.of();
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** The holiday's name when {@code date} is a holiday (one-off or annual), for out-of-hours notices. */
    public Optional<String> holidayName(LocalDate date) {
        Require.nonNull(date, "date");
        String name = holidays.get(date);
        if (name == null) {
            name = annualHolidays.get(MonthDay.from(date));
        }
        return Optional.ofNullable(name);
    }

    /** The special day on {@code date}, if one is configured. */
    public Optional<SpecialDay> specialDay(LocalDate date) {
        return Optional.ofNullable(specialDays.get(Require.nonNull(date, "date")));
    }

    private boolean isHoliday(LocalDate date) {
        return holidays.containsKey(date) || annualHolidays.containsKey(MonthDay.from(date));
    }

    /** True when the calendar is open at {@code t}. */
    public boolean isOpen(Instant t) {
        return timeline.isOpen(SegmentTimeline.toNanos(Require.nonNull(t, "t"), "t"));
    }

    /**
     * {@code t} itself when open, else the next instant the calendar opens; empty if it does not open within
     * {@link #SEARCH_HORIZON} nor before the end of the supported range.
     */
    public Optional<Instant> nextOpening(Instant t) {
        long n = SegmentTimeline.toNanos(Require.nonNull(t, "t"), "t");
        return inRange(timeline.nextOpening(n, horizon(n)));
    }

    /**
     * {@code t} itself when closed, else the instant the current opening ends; empty if it does not close within
     * {@link #SEARCH_HORIZON} nor before the end of the supported range.
     */
    public Optional<Instant> nextClosing(Instant t) {
        long n = SegmentTimeline.toNanos(Require.nonNull(t, "t"), "t");
        return inRange(timeline.nextClosing(n, horizon(n)));
    }

    /** An answer past the range would be rejected by every method it is passed to, so it counts as none. */
    private static Optional<Instant> inRange(long r) {
        return r == Long.MIN_VALUE || r > SegmentTimeline.MAX_NANOS ? Optional.empty()
                : Optional.of(SegmentTimeline.toInstant(r));
    }

    /** Open time in {@code [from, to)}, exact for any two supported instants; {@code to} not before {@code from}. */
    public Duration businessDuration(Instant from, Instant to) {
        long f = SegmentTimeline.toNanos(Require.nonNull(from, "from"), "from");
        long t = SegmentTimeline.toNanos(Require.nonNull(to, "to"), "to");
        if (t < f) {
            throw new InvalidInputException("to must not be before from, was from " + from + ", to " + to);
        }
        return business(f, t);
    }

    /**
     * Open nanoseconds in {@code [from, to)} in epoch nanoseconds, for hot paths that avoid allocation.
     *
     * @throws InvalidInputException if {@code to} is before {@code from}, either lies outside the supported range, or
     *                               the open time does not fit in a long (more than about 292 years, possible on
     *                               long spans of the 560-year range); {@link #businessDuration} has no such limit
     */
    public long businessNanos(long fromEpochNanos, long toEpochNanos) {
        SegmentTimeline.checkNanos(fromEpochNanos, "from");
        SegmentTimeline.checkNanos(toEpochNanos, "to");
        if (toEpochNanos < fromEpochNanos) {
            throw new InvalidInputException("to must not be before from, was " + fromEpochNanos + " > " + toEpochNanos);
        }
        if (toEpochNanos - fromEpochNanos >= 0) {
            return timeline.businessNanos(fromEpochNanos, toEpochNanos); // open time <= span, so it fits
        }
        Duration d = business(fromEpochNanos, toEpochNanos);
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            throw new InvalidInputException("open time between " + SegmentTimeline.toInstant(fromEpochNanos) + " and "
                    + SegmentTimeline.toInstant(toEpochNanos) + " is " + d
                    + ", more than a long of nanoseconds holds; use businessDuration", e);
        }
    }

    /** Open time in {@code [f, t)}, {@code f <= t}, both in range. */
    private Duration business(long f, long t) {
        long span = t - f;
        if (span >= 0) {
            return Duration.ofNanos(timeline.businessNanos(f, t));
        }
        // The span wrapped: the range is 560 years, a long of nanoseconds 292. Each half of it fits, and so does its
        // open time; the midpoint is computed unsigned, as the true span fits in 64 bits.
        long mid = f + (span >>> 1);
        return Duration.ofNanos(timeline.businessNanos(f, mid)).plusNanos(timeline.businessNanos(mid, t));
    }

    /**
     * The earliest instant at or after {@code t} by which {@code amount} of open time has passed since {@code t}.
     * A zero amount gives {@code t}. If the amount is used up exactly at a closing time, that closing time is the
     * answer (not the next opening). Never after the supported range, so the answer can always be passed back in.
     *
     * @throws InvalidInputException if the amount is negative, if the calendar stays closed for longer than
     *                               {@link #SEARCH_HORIZON} before the amount is used up, or if the deadline falls
     *                               after the supported range (2260-01-01T00:00:00Z)
     */
    public Instant deadline(Instant t, Duration amount) {
        long n = SegmentTimeline.toNanos(Require.nonNull(t, "t"), "t");
        Require.nonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new InvalidInputException("amount must not be negative, was " + amount);
        }
        if (amount.isZero()) {
            return t;
        }
        // Open time never passes faster than real time, so a deadline lies at least amount after t. The exact
        // comparison allocates, so it is made only when the amount comes within a second of the range's end.
        long secondsLeft = SegmentTimeline.MAX.getEpochSecond() - t.getEpochSecond();
        if (amount.getSeconds() >= secondsLeft - 1 && amount.compareTo(Duration.between(t, SegmentTimeline.MAX)) > 0) {
            throw afterRange(n, amount);
        }
        // The range spans 560 years and a long of nanoseconds 292: a longer amount is taken in two steps, exact by
        // deadline(deadline(t, a), b) == deadline(t, a + b).
        long r = n;
        Duration left = amount;
        if (left.compareTo(MAX_NANOS_DURATION) > 0) {
            r = deadlineNanos(r, Long.MAX_VALUE);
            left = left.minus(MAX_NANOS_DURATION);
        }
        return SegmentTimeline.toInstant(deadlineNanos(r, left.toNanos()));
    }

    /** {@link #deadline} in epoch nanoseconds, for hot paths that avoid allocation. */
    public long deadlineNanos(long tEpochNanos, long amountNanos) {
        SegmentTimeline.checkNanos(tEpochNanos, "t");
        if (amountNanos < 0) {
            throw new InvalidInputException("amount must not be negative, was " + amountNanos + " ns");
        }
        if (amountNanos == 0) {
            return tEpochNanos;
        }
        // As in deadline(Instant, Duration): at least amount after t. Checked without computing t + amount, which
        // can overflow; the timeline would find out as well, but only after building every block up to 2260.
        if (tEpochNanos > SegmentTimeline.MAX_NANOS - amountNanos) {
            throw afterRange(tEpochNanos, Duration.ofNanos(amountNanos));
        }
        long r = timeline.deadline(tEpochNanos, amountNanos, SEARCH_HORIZON.toNanos());
        if (r == SegmentTimeline.STAYS_CLOSED) {
            throw new InvalidInputException("calendar " + Require.quote(id) + " does not accumulate "
                    + Duration.ofNanos(amountNanos) + " of open time after " + SegmentTimeline.toInstant(tEpochNanos)
                    + ": it stays closed for more than " + SEARCH_HORIZON);
        }
        if (r == SegmentTimeline.AFTER_RANGE) {
            throw afterRange(tEpochNanos, Duration.ofNanos(amountNanos));
        }
        return r;
    }

    private InvalidInputException afterRange(long t, Duration amount) {
        return new InvalidInputException("calendar " + Require.quote(id) + " does not accumulate " + amount
                + " of open time between " + SegmentTimeline.toInstant(t) + " and " + SegmentTimeline.MAX
                + ", the end of the supported range: the deadline falls after the supported range");
    }

    /** The open periods overlapping {@code [from, to)}, clipped to it, joined where they touch. */
    public List<OpenPeriod> openPeriods(Instant from, Instant to) {
        long f = SegmentTimeline.toNanos(Require.nonNull(from, "from"), "from");
        long t = SegmentTimeline.toNanos(Require.nonNull(to, "to"), "to");
        if (t < f) {
            throw new InvalidInputException("to must not be before from, was from " + from + ", to " + to);
        }
        if (t - f > 400L * 86_400_000_000_000L) {
            throw new InvalidInputException("range must be at most 400 days, was " + Duration.ofNanos(t - f));
        }
        long[] s = timeline.segments(f, t);
        List<OpenPeriod> out = new ArrayList<>(s.length / 2);
        for (int i = 0; i < s.length; i += 2) {
            out.add(new OpenPeriod(SegmentTimeline.toInstant(s[i]), SegmentTimeline.toInstant(s[i + 1])));
        }
        return out;
    }

    /**
     * How far {@link #nextOpening} and {@link #nextClosing} search from {@code t}: {@link #SEARCH_HORIZON}, but not
     * past the range's end. Compared before adding, because {@code t + SEARCH_HORIZON} overflows a long for t after
     * about 2259-04 (a long of nanoseconds ends in 2262), and a wrapped, negative horizon stopped the search at the
     * end of t's block. The end itself is the bound, not a margin before it: the timeline has blocks up to the one
     * holding {@link SegmentTimeline#MAX}, and the searches stop at the first block that ends after the horizon.
     */
    private static long horizon(long t) {
        long h = SEARCH_HORIZON.toNanos();
        return t > SegmentTimeline.MAX_NANOS - h ? SegmentTimeline.MAX_NANOS : t + h;
    }

    private static int[] pack(List<OpeningInterval> intervals) {
        int[] out = new int[intervals.size() * 2];
        for (int i = 0; i < intervals.size(); i++) {
            out[2 * i] = intervals.get(i).startSecond();
            out[2 * i + 1] = intervals.get(i).lengthSeconds();
        }
        return out;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + id + ", " + zone + "]";
    }

    /**
     * Opening hours that replace the weekly hours on one date (an empty list closes the date).
     *
     * @param date the date
     * @param hours intervals starting on that date
     * @param name why, for notices (for example "Christmas Eve")
     */
    public record SpecialDay(LocalDate date, List<OpeningInterval> hours, String name) {
        public SpecialDay {
            Require.nonNull(date, "date");
            hours = List.copyOf(Require.noNullElements(Require.nonNull(hours, "hours"), "hours"));
            Require.text(Require.nonNull(name, "name"), "name", 200);
        }
    }

    /**
     * Builds a {@link BusinessCalendar}. Not thread-safe; the calendar it builds is. Every value is validated when
     * added or at {@link #build()}, with a {@link ConfigurationException} naming the bad value.
     */
    public static final class Builder {
        private static final int MAX_RANGE_DAYS = 366;
        /** The dates of the supported range, derived from it so that the two cannot drift apart. */
        private static final LocalDate FIRST_DATE = LocalDate.ofInstant(SegmentTimeline.MIN, ZoneOffset.UTC);
        private static final LocalDate LAST_DATE = LocalDate.ofInstant(SegmentTimeline.MAX, ZoneOffset.UTC)
                .minusDays(1);
        private final String id;
        private final ZoneId zone;
        private final Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Map<LocalDate, String> holidays = new HashMap<>();
        private final Map<MonthDay, String> annualHolidays = new HashMap<>();
        private final Map<LocalDate, SpecialDay> specialDays = new HashMap<>();

        private Builder(String id, ZoneId zone) {
            this.id = Require.id(id, "id");
            this.zone = Require.nonNull(zone, "zone");
        }

        /**
         * Adds opening intervals such as {@code "09:00-12:30"} to a weekday. Intervals of one day must not overlap
         * (a typo, always). A night shift may overlap the next day's early hours ({@code 22:00-06:00} on Monday and
         * {@code 00:00-08:00} on Tuesday): they belong to different dates, so a holiday can close one and not the
         * other, and where both apply the time is open once, not twice.
         */
        public Builder open(DayOfWeek day, String... intervals) {
            return open(day, parse(intervals));
        }

        /** Adds opening intervals to a weekday. */
        public Builder open(DayOfWeek day, List<OpeningInterval> intervals) {
            Require.nonNull(day, "day");
            Require.noNullElements(Require.nonNull(intervals, "intervals"), "intervals");
            weekly.put(day, withAdded(day, intervals));
            return this;
        }

        /**
         * Adds the same intervals to every day from {@code first} to {@code last} inclusive (Monday..Friday); if they
         * overlap the hours of any of those days, no day is changed.
         */
        public Builder open(DayOfWeek first, DayOfWeek last, String... intervals) {
            Require.nonNull(first, "first");
            Require.nonNull(last, "last");
            List<OpeningInterval> parsed = parse(intervals);
            // Every day is checked before any is changed: a rejected call leaves the builder as it was.
            Map<DayOfWeek, List<OpeningInterval>> changed = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                changed.put(d, withAdded(d, parsed));
                if (d == last) {
                    break;
                }
            }
            weekly.putAll(changed);
            return this;
        }

        private static List<OpeningInterval> parse(String... intervals) {
            Require.nonNull(intervals, "intervals");
            List<OpeningInterval> parsed = new ArrayList<>();
            for (String s : intervals) {
                parsed.add(OpeningInterval.parse(s));
            }
            return parsed;
        }

        /** The day's hours with {@code intervals} added, checked; the builder is not changed. */
        private List<OpeningInterval> withAdded(DayOfWeek day, List<OpeningInterval> intervals) {
            List<OpeningInterval> merged = new ArrayList<>(weekly.getOrDefault(day, List.of()));
            merged.addAll(intervals);
            checkNoOverlap(merged, day.toString());
            return merged;
        }

        /** A one-off holiday on a single date, in years 1700 to 2259. */
        public Builder holiday(LocalDate date, String name) {
            return holiday(date, date, name);
        }

        /** A one-off holiday from {@code from} to {@code to} inclusive: at most 366 days, in years 1700 to 2259. */
        public Builder holiday(LocalDate from, LocalDate to, String name) {
            Require.nonNull(from, "from");
            Require.nonNull(to, "to");
            Require.text(Require.nonNull(name, "name"), "name", 200);
            if (to.isBefore(from)) {
                throw new ConfigurationException("holiday " + Require.quote(name) + " ends before it starts: " + from
                        + " .. " + to);
            }
            checkSupported(from, "holiday " + Require.quote(name));
            checkSupported(to, "holiday " + Require.quote(name));
            if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
                throw new ConfigurationException("holiday " + Require.quote(name) + " spans more than " + MAX_RANGE_DAYS
                        + " days: " + from + " .. " + to);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                holidays.put(d, name);
            }
            return this;
        }

        /** A holiday on the same month and day every year (Christmas, Yalda night); 29 February only in leap years. */
        public Builder annualHoliday(MonthDay day, String name) {
            Require.nonNull(day, "day");
            Require.text(Require.nonNull(name, "name"), "name", 200);
            annualHolidays.put(day, name);
            return this;
        }

        /**
         * Special opening hours on a date (years 1700 to 2259), replacing its weekly hours and any holiday; none
         * closes the date.
         */
        public Builder specialHours(LocalDate date, String name, String... intervals) {
            return specialHours(date, name, parse(intervals));
        }

        /**
         * Special opening hours on a date (years 1700 to 2259), replacing its weekly hours and any holiday; none
         * closes the date.
         */
        public Builder specialHours(LocalDate date, String name, List<OpeningInterval> intervals) {
            Require.nonNull(date, "date");
            SpecialDay day = new SpecialDay(date, intervals, name);
            checkSupported(date, "special day " + Require.quote(name));
            if (specialDays.containsKey(date)) {
                throw new ConfigurationException("special hours for " + date + " given twice");
            }
            checkNoOverlap(day.hours(), date.toString());
            specialDays.put(date, day);
            return this;
        }

        /**
         * Dates outside the supported years can never apply, and stepping day by day towards {@link LocalDate#MAX}
         * would fail half-way, after some days were recorded.
         */
        private static void checkSupported(LocalDate date, String what) {
            if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
                throw new ConfigurationException(what + ": date " + date + " is outside the supported years "
                        + FIRST_DATE.getYear() + " to " + LAST_DATE.getYear());
            }
        }

        private static void checkNoOverlap(List<OpeningInterval> intervals, String where) {
            List<OpeningInterval> sorted = new ArrayList<>(intervals);
            sorted.sort((a, b) -> Integer.compare(a.startSecond(), b.startSecond()));
            for (int i = 1; i < sorted.size(); i++) {
                OpeningInterval prev = sorted.get(i - 1);
                if (prev.startSecond() + prev.lengthSeconds() > sorted.get(i).startSecond()) {
                    throw new ConfigurationException("opening intervals on " + where + " overlap: " + prev + " and "
                            + sorted.get(i));
                }
            }
        }

        /** Validates and builds the calendar. */
        public BusinessCalendar build() {
            return new BusinessCalendar(this);
        }
    }
}
