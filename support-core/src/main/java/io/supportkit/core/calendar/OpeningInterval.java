package io.supportkit.core.calendar;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * One opening interval of a day in the calendar's wall-clock time, such as {@code 09:00-12:30}.
 *
 * <p>An interval whose end is not after its start crosses midnight: {@code 22:00-06:00} opens at 22:00 and closes
 * at 06:00 the next day, and {@code 00:00-24:00} is the whole day. An interval belongs to the date it starts on, so
 * a holiday on that date closes the whole night shift, and a holiday on the next date does not cut it short.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * OpeningInterval morning = OpeningInterval.parse("09:00-12:30");
 * OpeningInterval night = OpeningInterval.of(LocalTime.of(22, 0), LocalTime.of(6, 0));
 * }</pre>
 *
 * @param start wall-clock opening time, whole seconds
 * @param end wall-clock closing time, whole seconds; not after {@code start} means the next day
 */
public record OpeningInterval(LocalTime start, LocalTime end) {
    static final int SECONDS_PER_DAY = 86_400;

    public OpeningInterval {
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        if (start.getNano() != 0 || end.getNano() != 0) {
            throw new ConfigurationException("opening interval times must be whole seconds, was " + start + "-" + end);
        }
    }

    public static OpeningInterval of(LocalTime start, LocalTime end) {
        return new OpeningInterval(start, end);
    }

    /** Parses {@code HH:mm-HH:mm} (seconds allowed, {@code 24:00} as an end means midnight). */
    public static OpeningInterval parse(String text) {
        Require.nonNull(text, "interval");
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            throw new ConfigurationException("opening interval must look like 09:00-17:30, was " + Require.quote(text));
        }
        String from = text.substring(0, dash).trim();
        String to = text.substring(dash + 1).trim();
        try {
            LocalTime start = LocalTime.parse(from);
            LocalTime end = "24:00".equals(to) || "24:00:00".equals(to) ? LocalTime.MIDNIGHT : LocalTime.parse(to);
            return new OpeningInterval(start, end);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("opening interval must look like 09:00-17:30, was " + Require.quote(text),
                    e);
        }
    }

    /** Second of the day the interval opens. */
    public int startSecond() {
        return start.toSecondOfDay();
    }

    /** Length in wall-clock seconds, between 1 second and 24 hours. */
    public int lengthSeconds() {
        int s = start.toSecondOfDay();
        int e = end.toSecondOfDay();
        return e > s ? e - s : e - s + SECONDS_PER_DAY;
    }

    /** True when the interval closes on the next date. */
    public boolean crossesMidnight() {
        return startSecond() + lengthSeconds() > SECONDS_PER_DAY;
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) && crossesMidnight() && start.equals(LocalTime.MIDNIGHT)
                ? "24:00" : end.toString());
    }
}
