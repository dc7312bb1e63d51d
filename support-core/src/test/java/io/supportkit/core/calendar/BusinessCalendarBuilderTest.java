package io.supportkit.core.calendar;

import io.supportkit.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder rejects bad values with a typed exception and leaves itself as it was. */
class BusinessCalendarBuilderTest {
    @Test
    void shouldRejectHolidaysAndSpecialDaysOutsideTheSupportedYearsRecordingNothing() {
        BusinessCalendar.Builder b = BusinessCalendar.builder("h", ZoneOffset.UTC);
        assertThatThrownBy(() -> b.holiday(LocalDate.MAX, "end of time")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("+999999999-12-31").hasMessageContaining("1700 to 2259");
        assertThatThrownBy(() -> b.holiday(LocalDate.MIN, "start of time")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> b.holiday(LocalDate.of(2259, 12, 31), LocalDate.of(2260, 1, 1), "new year"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("2260-01-01");
        assertThatThrownBy(() -> b.specialHours(LocalDate.of(1699, 12, 31), "eve", "09:00-10:00"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("1699-12-31");
        BusinessCalendar built = b.holiday(LocalDate.of(2259, 12, 31), "last day")
                .specialHours(LocalDate.of(1700, 1, 1), "first day", "09:00-10:00").build();
        assertThat(built.holidayName(LocalDate.MAX)).isEmpty();
        assertThat(built.holidayName(LocalDate.MIN)).isEmpty();
        assertThat(built.holidayName(LocalDate.of(2260, 1, 1))).isEmpty();
        assertThat(built.holidayName(LocalDate.of(2259, 12, 31))).contains("last day");
        assertThat(built.specialDay(LocalDate.of(1699, 12, 31))).isEmpty();
    }

    @Test
    void shouldLeaveEveryDayUnchangedWhenADayRangeOverlapsOneOfItsDays() {
        BusinessCalendar.Builder b = BusinessCalendar.builder("p", ZoneOffset.UTC).open(DayOfWeek.WEDNESDAY, "09:30-11:00");
        assertThatThrownBy(() -> b.open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-10:00"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("WEDNESDAY");
        assertThat(b.build().weeklyHours()).isEqualTo(Map.of(DayOfWeek.WEDNESDAY, List.of(OpeningInterval.parse("09:30-11:00"))));
        // a range wrapping over the weekend, for the same reason
        assertThatThrownBy(() -> b.open(DayOfWeek.SATURDAY, DayOfWeek.WEDNESDAY, "10:00-12:00"))
                .isInstanceOf(ConfigurationException.class);
        assertThat(b.build().weeklyHours()).containsOnlyKeys(DayOfWeek.WEDNESDAY);
    }

    @Test
    void shouldQuoteACallersStringInAMessageCutAndEscaped() {
        BusinessCalendar.Builder b = BusinessCalendar.builder("q", ZoneOffset.UTC);
        assertThatThrownBy(() -> b.open(DayOfWeek.MONDAY, "x".repeat(10 * 1024 * 1024)))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).contains("(10485760 characters)"));
        assertThatThrownBy(() -> b.open(DayOfWeek.MONDAY, "\ud800-10:00")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("\\uD800");
        assertThatThrownBy(() -> b.holiday(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), "bell\u0007"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("holiday \"bell\\u0007\" ends before");
    }

    @Test
    void shouldMergeANightShiftWithTheNextDaysEarlyHoursCountingTheOverlapOnce() {
        BusinessCalendar cal = BusinessCalendar.builder("m", ZoneOffset.UTC)
                .open(DayOfWeek.MONDAY, "22:00-06:00").open(DayOfWeek.TUESDAY, "00:00-08:00").build();
        Instant mondayNoon = Instant.parse("2026-08-03T12:00:00Z");
        assertThat(cal.businessDuration(mondayNoon, mondayNoon.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(10));
        assertThat(cal.openPeriods(mondayNoon, mondayNoon.plus(Duration.ofDays(1))))
                .containsExactly(new OpenPeriod(Instant.parse("2026-08-03T22:00:00Z"), Instant.parse("2026-08-04T08:00:00Z")));
        // different dates: a holiday on Monday closes the night shift and leaves Tuesday's early hours
        BusinessCalendar holiday = BusinessCalendar.builder("m", ZoneOffset.UTC)
                .open(DayOfWeek.MONDAY, "22:00-06:00").open(DayOfWeek.TUESDAY, "00:00-08:00")
                .holiday(LocalDate.of(2026, 8, 3), "closed Monday").build();
        assertThat(holiday.businessDuration(mondayNoon, mondayNoon.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(8));
        // the same overlap within one day is a typo and rejected
        assertThatThrownBy(() -> BusinessCalendar.builder("m", ZoneOffset.UTC).open(DayOfWeek.MONDAY, "22:00-06:00", "23:00-01:00"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("overlap");
    }

    @Test
    void shouldLeaveADayOpenedWithNoIntervalsOutOfTheWeeklyHours() {
        BusinessCalendar cal = BusinessCalendar.builder("e", ZoneOffset.UTC).open(DayOfWeek.MONDAY)
                .open(DayOfWeek.TUESDAY, List.of()).open(DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)
                .open(DayOfWeek.FRIDAY, "09:00-10:00").build();
        // "days without hours are absent": the days given no interval are not there with an empty list
        assertThat(cal.weeklyHours()).isEqualTo(Map.of(DayOfWeek.FRIDAY, List.of(OpeningInterval.parse("09:00-10:00"))));
        assertThat(cal.hoursOn(LocalDate.of(2026, 8, 3))).isEmpty();                        // a Monday
    }
}
