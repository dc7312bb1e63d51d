package io.supportkit.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

/** Calendars and a minute-by-minute reference shared by the calendar tests. */
final class CalendarFixtures {
    /** A Tehran support calendar with split shifts, a shift across midnight, holidays and a special day. */
    static final String TEHRAN_JSON = """
        {
          "id": "tehran-support",
          "zone": "Asia/Tehran",
          "weekly": {
            "saturday": ["08:00-12:00", "13:00-17:00"],
            "SUNDAY": ["08:00-12:00", "13:00-17:00"],
            "THURSDAY": ["22:00-02:00"]
          },
          "holidays": [
            {"from": "2027-03-21", "to": "2027-03-24", "name": "Nowruz"},
            {"date": "2027-04-02", "name": "Sizdah Bedar"},
            {"annual": "12-21", "name": "Yalda night"}
          ],
          "specialDays": [
            {"date": "2027-03-25", "name": "After Nowruz", "hours": ["10:00-12:00"]}
          ]
        }
        """;

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Istanbul"), ZoneId.of("Asia/Tehran"),
            ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"));

    private CalendarFixtures() {
    }

    /** Office hours with split shifts, a Saturday half day, 20+ holidays and special days. */
    static BusinessCalendar splitShifts(ZoneId zone) {
        BusinessCalendar.Builder b = BusinessCalendar.builder("split-" + zone.getId(), zone)
                .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-12:30", "13:30-18:00")
                .open(DayOfWeek.SATURDAY, "10:00-14:00")
                .annualHoliday(MonthDay.of(1, 1), "New Year")
                .annualHoliday(MonthDay.of(12, 25), "Christmas")
                .annualHoliday(MonthDay.of(12, 21), "Yalda night")
                .annualHoliday(MonthDay.of(5, 1), "Labour day")
                .holiday(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 24), "Nowruz")
                .holiday(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 3, 24), "Nowruz")
                .holiday(LocalDate.of(2026, 11, 26), "Thanksgiving")
                .holiday(LocalDate.of(2026, 10, 29), "Republic day")
                .specialHours(LocalDate.of(2026, 12, 24), "Christmas Eve", "09:00-13:00")
                .specialHours(LocalDate.of(2026, 3, 22), "Nowruz duty", "10:00-12:00")
                .specialHours(LocalDate.of(2026, 3, 8), "Sunday release", "01:30-03:30")
                .specialHours(LocalDate.of(2026, 3, 29), "Sunday release", "01:30-03:30")
                .specialHours(LocalDate.of(2026, 10, 25), "Sunday release", "01:30-03:30")
                .specialHours(LocalDate.of(2026, 11, 1), "Sunday release", "00:30-02:30");
        for (int d = 1; d <= 12; d++) {
            b.holiday(LocalDate.of(2027, d, 10), "monthly closing " + d);
        }
        return b.build();
    }

    /** Night shifts crossing midnight, overlapping the next day's early shift, and a Sunday shift inside DST hours. */
    static BusinessCalendar nightShifts(ZoneId zone) {
        return BusinessCalendar.builder("night-" + zone.getId(), zone)
                .open(DayOfWeek.MONDAY, DayOfWeek.SATURDAY, "22:00-06:00")
                .open(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, "05:00-07:00")
                .open(DayOfWeek.SUNDAY, "00:15-02:45", "23:30-23:45")
                .holiday(LocalDate.of(2026, 7, 4), "Independence day")
                .annualHoliday(MonthDay.of(2, 29), "Leap day")
                .build();
    }

    /** Saturday-to-Wednesday week with a short Thursday, as in Iran. */
    static BusinessCalendar iranianWeek(ZoneId zone) {
        return BusinessCalendar.builder("iran-" + zone.getId(), zone)
                .open(DayOfWeek.SATURDAY, DayOfWeek.WEDNESDAY, "08:00-16:00")
                .open(DayOfWeek.THURSDAY, "08:00-12:00")
                .holiday(LocalDate.of(2021, 3, 21), LocalDate.of(2021, 3, 24), "Nowruz")
                .annualHoliday(MonthDay.of(9, 22), "Equinox")
                .build();
    }

    static List<BusinessCalendar> all() {
        return ZONES.stream().flatMap(z -> java.util.stream.Stream.of(splitShifts(z), nightShifts(z), iranianWeek(z)))
                .toList();
    }

    /** The definition, checked one minute at a time: open when the wall clock lies in an interval of its date. */
    static boolean referenceOpen(BusinessCalendar cal, Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, cal.zone());
        for (LocalDate date : List.of(local.toLocalDate().minusDays(1), local.toLocalDate())) {
            for (OpeningInterval iv : cal.hoursOn(date)) {
                LocalDateTime s = date.atTime(iv.start());
                LocalDateTime e = s.plusSeconds(iv.lengthSeconds());
                if (!local.isBefore(s) && local.isBefore(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    static long referenceBusinessMinutes(BusinessCalendar cal, Instant from, Instant to) {
        long n = 0;
        for (Instant m = from; m.isBefore(to); m = m.plusSeconds(60)) {
            if (referenceOpen(cal, m)) {
                n++;
            }
        }
        return n;
    }

    static Instant referenceDeadline(BusinessCalendar cal, Instant t, long minutes) {
        Instant m = t;
        long counted = 0;
        while (counted < minutes) {
            if (referenceOpen(cal, m)) {
                counted++;
            }
            m = m.plusSeconds(60);
        }
        return m;
    }

    static Instant referenceNextOpening(BusinessCalendar cal, Instant t) {
        Instant m = t;
        while (!referenceOpen(cal, m)) {
            m = m.plusSeconds(60);
        }
        return m;
    }

    static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
