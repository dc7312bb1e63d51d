package io.supportkit.core.calendar;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {
    private static Instant at(String local, String zone) {
        return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
    }

    private static BusinessCalendar nightly(String zone) {
        BusinessCalendar.Builder b = BusinessCalendar.builder("night", ZoneId.of(zone));
        for (DayOfWeek d : DayOfWeek.values()) {
            b.open(d, "22:00-06:00");
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}: night starting {1} lasts {2} h")
    @CsvSource({
        "America/New_York, 2026-03-07, 7",   // spring forward 02:00 -> 03:00 on 8 March
        "America/New_York, 2026-10-31, 9",   // fall back 02:00 -> 01:00 on 1 November
        "America/New_York, 2026-06-01, 8",
        "Europe/Berlin, 2026-03-28, 7",      // 29 March
        "Europe/Berlin, 2026-10-24, 9",      // 25 October
        "Europe/Istanbul, 2026-03-28, 8",    // no DST since 2016
        "Europe/Istanbul, 2015-03-28, 7",    // Turkey still changed on 29 March 2015
        "Asia/Tehran, 2026-03-21, 8",        // no DST since 2022
        "Asia/Tehran, 2021-03-21, 7",        // 22 March 2021 00:00 -> 01:00
        "Asia/Tehran, 2021-09-21, 9"         // 22 September 2021 00:00 -> 23:00
    })
    void shouldCountWallClockShiftExactlyAcrossDaylightSavingChanges(String zone, LocalDate night, int hours) {
        BusinessCalendar cal = nightly(zone);
        Instant from = night.atTime(12, 0).atZone(ZoneId.of(zone)).toInstant();
        Instant to = night.plusDays(1).atTime(12, 0).atZone(ZoneId.of(zone)).toInstant();
        assertThat(cal.businessDuration(from, to)).isEqualTo(Duration.ofHours(hours));
        assertThat(cal.openPeriods(from, to)).hasSize(1);
    }

    @Test
    void shouldSkipAnIntervalThatFallsInsideTheSpringForwardGap() {
        BusinessCalendar cal = BusinessCalendar.builder("gap", ZoneId.of("America/New_York"))
                .open(DayOfWeek.SUNDAY, "02:10-02:50", "09:00-10:00").build();
        Instant sundayMorning = at("2026-03-08T00:00", "America/New_York");
        assertThat(cal.nextOpening(sundayMorning)).contains(at("2026-03-08T09:00", "America/New_York"));
        assertThat(cal.businessDuration(sundayMorning, sundayMorning.plus(Duration.ofDays(1))))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldOpenTwiceForAnIntervalInsideTheFallBackOverlap() {
        BusinessCalendar cal = BusinessCalendar.builder("overlap", ZoneId.of("America/New_York"))
                .open(DayOfWeek.SUNDAY, "01:10-01:50").build();
        Instant midnight = at("2026-11-01T00:00", "America/New_York");
        List<OpenPeriod> periods = cal.openPeriods(midnight, midnight.plus(Duration.ofHours(6)));
        assertThat(periods).extracting(OpenPeriod::start).containsExactly(
                Instant.parse("2026-11-01T05:10:00Z"), Instant.parse("2026-11-01T06:10:00Z"));
        assertThat(cal.businessDuration(midnight, midnight.plus(Duration.ofHours(6)))).isEqualTo(Duration.ofMinutes(80));
    }

    @Test
    void shouldCloseOnHolidaysAndOpenSpecialHoursEvenOnAHoliday() {
        BusinessCalendar cal = CalendarFixtures.splitShifts(ZoneId.of("Asia/Tehran"));
        assertThat(cal.isOpen(at("2026-03-23T10:00", "Asia/Tehran"))).isFalse();          // Nowruz, a Monday
        assertThat(cal.isOpen(at("2026-03-22T11:00", "Asia/Tehran"))).isTrue();           // special duty on Nowruz
        assertThat(cal.isOpen(at("2026-12-24T12:59", "Asia/Tehran"))).isTrue();           // Christmas Eve until 13:00
        assertThat(cal.isOpen(at("2026-12-24T13:00", "Asia/Tehran"))).isFalse();
        assertThat(cal.holidayName(LocalDate.of(2030, 12, 21))).contains("Yalda night");
        assertThat(cal.nextOpening(at("2026-12-24T13:00", "Asia/Tehran")))
                .contains(at("2026-12-26T10:00", "Asia/Tehran"));                           // Saturday after Christmas
    }

    @Test
    void shouldComputeDeadlineAcrossLunchBreakAndWeekend() {
        BusinessCalendar cal = CalendarFixtures.splitShifts(ZoneId.of("Europe/Istanbul"));
        Instant fridayAfternoon = at("2026-06-05T17:00", "Europe/Istanbul");
        // 1 h Friday, 4 h Saturday, 3 h 30 Monday morning, 30 min after lunch
        assertThat(cal.deadline(fridayAfternoon, Duration.ofHours(9)))
                .isEqualTo(at("2026-06-08T14:00", "Europe/Istanbul"));
        assertThat(cal.deadline(fridayAfternoon, Duration.ZERO)).isEqualTo(fridayAfternoon);
        // used up exactly at 12:30: the answer is the closing time, not the opening after lunch
        assertThat(cal.deadline(at("2026-06-08T12:00", "Europe/Istanbul"), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-06-08T12:30", "Europe/Istanbul"));
    }

    @Test
    void shouldLoadFromJsonLikeTheBuilder() {
        String json = CalendarFixtures.TEHRAN_JSON;
        BusinessCalendar cal = BusinessCalendar.fromJson(json);
        assertThat(cal.id()).isEqualTo("tehran-support");
        assertThat(cal.weeklyHours().get(DayOfWeek.SATURDAY)).containsExactly(
                OpeningInterval.parse("08:00-12:00"), OpeningInterval.parse("13:00-17:00"));
        assertThat(cal.holidayName(LocalDate.of(2027, 3, 23))).contains("Nowruz");
        assertThat(cal.hoursOn(LocalDate.of(2027, 3, 25))).containsExactly(OpeningInterval.parse("10:00-12:00"));
        assertThat(cal.isOpen(at("2027-03-26T01:30", "Asia/Tehran"))).isFalse();  // special day replaced Thursday
        assertThat(cal.isOpen(at("2027-04-02T01:30", "Asia/Tehran"))).isTrue();   // Thursday night shift, past midnight
        assertThat(cal.isOpen(at("2027-12-25T09:00", "Asia/Tehran"))).isTrue();   // a Saturday, no Christmas here
    }

    @Test
    void shouldRejectUnknownKeysBadZonesAndBadIntervalsNamingTheValue() {
        assertThatThrownBy(() -> BusinessCalendar.fromJson("{\"id\":\"a\",\"zone\":\"UTC\",\"holiday\":[]}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown key \"holiday\"");
        assertThatThrownBy(() -> BusinessCalendar.fromJson("{\"id\":\"a\",\"zone\":\"Mars/Olympus\"}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(
                "{\"id\":\"a\",\"zone\":\"UTC\",\"weekly\":{\"MONDAY\":[\"9-17\"]}}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("9-17");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(
                "{\"id\":\"a\",\"zone\":\"UTC\",\"weekly\":{\"MONDAY\":[\"09:00-13:00\",\"12:00-14:00\"]}}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> BusinessCalendar.fromJson("{\"id\":\"a\",\"zone\":\"UTC\",\"holidays\":[{\"date\":\"2026-02-30\",\"name\":\"x\"}]}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("2026-02-30");
        assertThatThrownBy(() -> BusinessCalendar.fromJson("{not json"))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void shouldRejectNegativeAmountsAndReversedRanges() {
        BusinessCalendar cal = nightly("UTC");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> cal.deadline(t, Duration.ofMinutes(-1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PT-1M");
        assertThatThrownBy(() -> cal.businessDuration(t, t.minusSeconds(1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cal.isOpen(Instant.parse("3000-01-01T00:00:00Z"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("3000");
    }

    @Test
    void shouldReportNeverOpeningForAClosedCalendar() {
        BusinessCalendar closed = BusinessCalendar.builder("closed", ZoneId.of("UTC")).build();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(closed.nextOpening(t)).isEmpty();
        assertThatThrownBy(() -> closed.deadline(t, Duration.ofMinutes(1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void alwaysOpenShouldEqualCalendarTimeEvenAcrossDst() {
        BusinessCalendar cal = BusinessCalendar.alwaysOpen("24x7", ZoneId.of("Europe/Berlin"));
        Instant t = ZonedDateTime.parse("2026-03-28T12:00+01:00[Europe/Berlin]").toInstant();
        assertThat(cal.deadline(t, Duration.ofHours(48))).isEqualTo(t.plus(Duration.ofHours(48)));
        assertThat(cal.nextClosing(t)).isEmpty();
    }

    private static final Instant T0 = Instant.parse("2026-08-05T09:30:00Z");
    private static final Instant RANGE_END = Instant.parse("2260-01-01T00:00:00Z");

    private static BusinessCalendar weekdays() {
        return BusinessCalendar.builder("office", ZoneId.of("Europe/Istanbul"))
                .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-12:00", "13:00-17:00").build();
    }

    @Test
    void shouldRejectADeadlineAmountThatEndsAfterTheSupportedRangeInsteadOfOverflowing() {
        for (BusinessCalendar cal : List.of(BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC), weekdays())) {
            assertThatThrownBy(() -> cal.deadline(T0, Duration.ofNanos(Long.MAX_VALUE)))
                    .as(cal.id()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("after the supported range");
            assertThatThrownBy(() -> cal.deadline(T0, Duration.ofSeconds(Long.MAX_VALUE)))
                    .as(cal.id()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("after the supported range");
            long t0 = T0.getEpochSecond() * 1_000_000_000L;
            assertThatThrownBy(() -> cal.deadlineNanos(t0, Long.MAX_VALUE))
                    .as(cal.id()).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("after the supported range");
        }
    }

    @Test
    void shouldReachDeadlinesMoreThan292YearsAwayThatStillLieInTheRange() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC);
        Instant t = Instant.parse("1750-03-01T12:00:00.000000001Z");
        Duration centuries = Duration.between(t, Instant.parse("2250-03-01T12:00:00Z"));
        assertThat(always.deadline(t, centuries)).isEqualTo(t.plus(centuries));
    }

    @Test
    void shouldRejectADeadlinePastTheRangeEndSoThatEveryAnswerCanBePassedBackIn() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC);
        Instant t = Instant.parse("2259-12-31T12:00:00Z");
        assertThatThrownBy(() -> always.deadline(t, Duration.ofDays(1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("after the supported range");
        // the range end itself is an answer, and accepted again; chaining past it fails on both sides alike
        Instant end = always.deadline(t, Duration.ofHours(12));
        assertThat(end).isEqualTo(RANGE_END);
        assertThat(always.isOpen(end)).isTrue();
        assertThatThrownBy(() -> always.deadline(end, Duration.ofNanos(1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> always.deadline(t, Duration.ofHours(12).plusNanos(1)))
                .isInstanceOf(InvalidInputException.class);
        // a calendar with open time but none left before the end: walks to the end, says so
        assertThatThrownBy(() -> weekdays().deadline(Instant.parse("2259-12-20T00:00:00Z"), Duration.ofDays(4)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("after the supported range");
    }

    @Test
    void shouldAnswerNoNextOpeningOrClosingRatherThanOnePastTheRangeEnd() {
        BusinessCalendar cal = BusinessCalendar.builder("late", ZoneOffset.UTC)
                .specialHours(LocalDate.of(2259, 12, 31), "last night", "23:00-02:00")
                .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "09:00-10:00").build();
        Instant night = Instant.parse("2259-12-31T23:30:00Z");
        assertThat(cal.nextClosing(night)).isEmpty();                       // it closes at 2260-01-01T02:00Z
        assertThat(cal.nextOpening(Instant.parse("2259-12-31T12:00:00Z"))).contains(Instant.parse("2259-12-31T23:00:00Z"));
        assertThat(cal.nextOpening(RANGE_END)).contains(RANGE_END);
        BusinessCalendar mornings = BusinessCalendar.builder("mornings", ZoneOffset.UTC)
                .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "09:00-10:00").build();
        assertThat(mornings.nextOpening(Instant.parse("2259-12-31T12:00:00Z"))).isEmpty(); // 2260-01-01T09:00Z
    }

    @Test
    void shouldSayANeverOpenCalendarCannotReachTheDeadlineBeforeTheRangeEnds() {
        BusinessCalendar never = BusinessCalendar.builder("never", ZoneOffset.UTC).build();
        assertThatThrownBy(() -> never.deadline(Instant.parse("2258-06-01T00:00:00Z"), Duration.ofHours(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("calendar \"never\" does not accumulate PT1H")
                .hasMessageContaining("2260-01-01T00:00:00Z, the end of the supported range");
        assertThatThrownBy(() -> never.deadline(T0, Duration.ofHours(1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("stays closed for more than");
    }

    @Test
    void shouldRejectADeadlineFromEpochNanosecondsOutsideTheSupportedRange() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC);
        long justAfter = RANGE_END.getEpochSecond() * 1_000_000_000L + 1;
        assertThatThrownBy(() -> always.deadlineNanos(justAfter, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be between");
    }

    @Test
    void shouldGiveTheExactBusinessDurationOverSpansLongerThan292Years() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC);
        Instant from = Instant.parse("1800-01-01T00:00:00Z");
        Instant to = Instant.parse("2150-01-01T00:00:00Z");
        assertThat(always.businessDuration(from, to)).isEqualTo(Duration.ofHours(3_068_040));
        Instant rangeStart = Instant.parse("1700-01-01T00:00:00Z");
        assertThat(always.businessDuration(rangeStart, RANGE_END)).isEqualTo(Duration.between(rangeStart, RANGE_END));
        // a weekday calendar's open time over the whole range fits in a long: the nanosecond path gives it too
        BusinessCalendar weekdays = weekdays();
        long all = weekdays.businessNanos(rangeStart.getEpochSecond() * 1_000_000_000L,
                RANGE_END.getEpochSecond() * 1_000_000_000L);
        assertThat(Duration.ofNanos(all)).isEqualTo(weekdays.businessDuration(rangeStart, RANGE_END))
                .isEqualTo(weekdays.businessDuration(rangeStart, Instant.parse("2000-01-01T00:00:00Z"))
                        .plus(weekdays.businessDuration(Instant.parse("2000-01-01T00:00:00Z"), RANGE_END)));
    }

    @Test
    void shouldRejectBusinessNanosThatDoNotFitInALong() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC);
        long from = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        long to = Instant.parse("2150-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertThatThrownBy(() -> always.businessNanos(from, to)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PT3068040H").hasMessageContaining("businessDuration");
        long justAfter = RANGE_END.getEpochSecond() * 1_000_000_000L + 1;
        assertThatThrownBy(() -> always.businessNanos(0, justAfter)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be between");
    }

    @Test
    void shouldGiveNoOpenPeriodsForAnEmptyRangeEvenWhileOpen() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen("always", ZoneOffset.UTC);
        Instant t = Instant.parse("2026-08-03T12:00:00Z");
        // [t, t) holds no instant, so no period; it used to be the empty period t .. t, which OpenPeriod rejects
        assertThat(always.openPeriods(t, t)).isEmpty();
        assertThat(weekdays().openPeriods(t, t)).isEmpty();
        assertThat(always.businessDuration(t, t)).isZero();
    }

    @Test
    void shouldFindTheNextOpeningAndClosingInTheLastMonthsOfTheRange() {
        // from about 2259-04 on, t + SEARCH_HORIZON no longer fits in a long of nanoseconds; the search must still
        // look on to the range end rather than only to the end of the current month
        BusinessCalendar once = BusinessCalendar.builder("once", ZoneOffset.UTC)
                .specialHours(LocalDate.of(2259, 11, 20), "release night", "10:00-11:00").build();
        Instant june = Instant.parse("2259-06-01T00:00:00Z");
        assertThat(once.nextOpening(june)).contains(Instant.parse("2259-11-20T10:00:00Z"));
        BusinessCalendar allButOneDay = BusinessCalendar.alwaysOpen("x", ZoneOffset.UTC);
        BusinessCalendar closedOnce = BusinessCalendar.builder("closed-once", ZoneOffset.UTC)
                .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, "00:00-24:00")
                .holiday(LocalDate.of(2259, 11, 20), "inventory").build();
        assertThat(closedOnce.nextClosing(june)).contains(Instant.parse("2259-11-20T00:00:00Z"));
        assertThat(allButOneDay.nextClosing(june)).isEmpty();
        // and in the forty days before the end, which the search used to leave out whenever it left t's month
        BusinessCalendar lateDecember = BusinessCalendar.builder("late", ZoneOffset.UTC)
                .specialHours(LocalDate.of(2259, 12, 30), "year end", "10:00-11:00").build();
        assertThat(lateDecember.nextOpening(Instant.parse("2259-11-25T00:00:00Z")))
                .contains(Instant.parse("2259-12-30T10:00:00Z"));
        assertThat(lateDecember.nextOpening(Instant.parse("2258-12-25T00:00:00Z")))
                .contains(Instant.parse("2259-12-30T10:00:00Z"));
    }
}
