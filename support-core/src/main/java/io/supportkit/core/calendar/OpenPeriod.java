package io.supportkit.core.calendar;

import io.supportkit.InvalidInputException;
import io.supportkit.core.calendar.internal.SegmentTimeline;
import io.supportkit.internal.Require;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A stretch of real time during which a calendar is open, from {@code start} (inclusive) to {@code end}
 * (exclusive). Used to tell a customer the opening hours in their own time zone.
 *
 * <p>Both ends lie in the calendars' supported range (years 1700 to 2259, see {@link BusinessCalendar}), as every
 * period a calendar returns does; so {@link #startIn} and {@link #endIn} work in every zone, where an instant near
 * {@link Instant#MIN} or {@link Instant#MAX} has no local date-time.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * for (OpenPeriod p : calendar.openPeriods(now, now.plus(Duration.ofDays(7)))) {
 *     ZonedDateTime opens = p.startIn(customerZone);
 * }
 * }</pre>
 *
 * @param start first open instant
 * @param end first instant after it that is closed
 */
public record OpenPeriod(Instant start, Instant end) {
    public OpenPeriod {
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        if (start.isBefore(SegmentTimeline.MIN) || end.isAfter(SegmentTimeline.MAX)) {
            throw new InvalidInputException("an open period must lie between " + SegmentTimeline.MIN + " and "
                    + SegmentTimeline.MAX + ", was " + start + " .. " + end);
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end must be after start, was " + start + " .. " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public ZonedDateTime startIn(ZoneId zone) {
        return start.atZone(Require.nonNull(zone, "zone"));
    }

    public ZonedDateTime endIn(ZoneId zone) {
        return end.atZone(Require.nonNull(zone, "zone"));
    }
}
