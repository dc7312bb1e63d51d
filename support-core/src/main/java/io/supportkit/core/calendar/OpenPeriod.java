package io.supportkit.core.calendar;

import io.supportkit.InvalidInputException;
import io.supportkit.internal.Require;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A stretch of real time during which a calendar is open, from {@code start} (inclusive) to {@code end}
 * (exclusive). Used to tell a customer the opening hours in their own time zone.
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
