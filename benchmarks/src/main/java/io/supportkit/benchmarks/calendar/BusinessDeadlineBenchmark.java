package io.supportkit.benchmarks.calendar;

import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.core.calendar.OpeningInterval;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Business-time deadline on a Berlin calendar with split shifts (09:00-12:30, 13:30-18:00 on weekdays, Saturday
 * 10:00-14:00) and 20 holidays, from random start instants over 2026-2027 (both DST changes included).
 *
 * <p>Rival in the same run: {@code dayWalk}, the usual way to compute it (Zammad and most helpdesks): walk day by
 * day, build each day's intervals with {@code ZonedDateTime}, subtract until the amount is used up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class BusinessDeadlineBenchmark {
    private static final int N = 4096;

    /** Business-time target: 30 minutes, 8 hours (a day), 5 days of calendar time worth of business hours. */
    @Param({"PT30M", "PT8H", "PT40H", "PT120H"})
    public String target;

    private BusinessCalendar calendar;
    private Instant[] starts;
    private long[] startNanos;
    private Duration amount;
    private long amountNanos;
    private int i;

    @Setup
    public void setUp() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessCalendar.Builder b = BusinessCalendar.builder("berlin", berlin)
                .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-12:30", "13:30-18:00")
                .open(DayOfWeek.SATURDAY, "10:00-14:00");
        int[][] fixed = {{1, 1}, {5, 1}, {10, 3}, {12, 24}, {12, 25}, {12, 26}, {12, 31}};
        for (int[] md : fixed) {
            b.annualHoliday(MonthDay.of(md[0], md[1]), "holiday " + md[0] + "-" + md[1]);
        }
        String[] oneOff = {"2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25", "2026-06-04", "2027-03-26",
            "2027-03-29", "2027-05-06", "2027-05-17", "2027-05-27"};
        for (String d : oneOff) {
            b.holiday(LocalDate.parse(d), "holiday " + d);
        }
        b.holiday(LocalDate.parse("2026-08-10"), LocalDate.parse("2026-08-14"), "summer closing");
        b.specialHours(LocalDate.parse("2026-11-20"), "short day", "09:00-13:00");
        b.specialHours(LocalDate.parse("2027-11-19"), "short day", "09:00-13:00");
        calendar = b.build(); // 7 annual (14 dates over two years) + 10 + 5-day range: more than 20 holidays
        SplittableRandom random = new SplittableRandom(5);
        starts = new Instant[N];
        startNanos = new long[N];
        long from = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2027-12-01T00:00:00Z").getEpochSecond();
        for (int k = 0; k < N; k++) {
            starts[k] = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            startNanos[k] = starts[k].getEpochSecond() * 1_000_000_000L + starts[k].getNano();
        }
        amount = Duration.parse(target);
        amountNanos = amount.toNanos();
        for (Instant s : starts) { // warm the month cache, as a long-running engine has it
            calendar.deadline(s, amount);
        }
    }

    @Benchmark
    public Instant deadline() {
        return calendar.deadline(starts[i++ & (N - 1)], amount);
    }

    @Benchmark
    public long deadlineNanos() {
        return calendar.deadlineNanos(startNanos[i++ & (N - 1)], amountNanos);
    }

    @Benchmark
    public Instant dayWalk() {
        return dayWalk(calendar, starts[i++ & (N - 1)], amount);
    }

    /** The straightforward algorithm: day by day, interval by interval, with java.time. */
    static Instant dayWalk(BusinessCalendar cal, Instant start, Duration amount) {
        ZoneId zone = cal.zone();
        long left = amount.toNanos();
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        while (true) {
            List<OpeningInterval> hours = cal.hoursOn(day);
            for (OpeningInterval iv : hours) {
                ZonedDateTime open = day.atTime(iv.start()).atZone(zone);
                ZonedDateTime close = day.atTime(iv.start()).plusSeconds(iv.lengthSeconds()).atZone(zone);
                Instant s = open.toInstant().isBefore(start) ? start : open.toInstant();
                Instant e = close.toInstant();
                if (!e.isAfter(s)) {
                    continue;
                }
                long len = Duration.between(s, e).toNanos();
                if (len >= left) {
                    return s.plusNanos(left);
                }
                left -= len;
            }
            day = day.plusDays(1);
        }
    }
}
