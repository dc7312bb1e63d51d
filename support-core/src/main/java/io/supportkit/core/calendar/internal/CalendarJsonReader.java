package io.supportkit.core.calendar.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.supportkit.ConfigurationException;
import io.supportkit.core.internal.JsonFields;
import io.supportkit.SupportException;
import io.supportkit.InvalidInputException;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.internal.Require;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON calendar format into {@link BusinessCalendar.Builder} calls, one call per JSON entry, so that the
 * builder stays the only place that validates. Unknown keys are rejected: a misspelt "holidays" must not silently
 * leave a calendar open on Christmas. Internal.
 */
public final class CalendarJsonReader {
    private static final Set<String> TOP = Set.of("id", "zone", "weekly", "holidays", "specialDays");
    private static final Set<String> HOLIDAY = Set.of("date", "from", "to", "annual", "name");
    private static final Set<String> SPECIAL = Set.of("date", "name", "hours");

    private CalendarJsonReader() {
    }

    public static BusinessCalendar read(String json) {
        try {
            return read(JsonFields.STRICT_MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw JsonFields.malformed("calendar", e);
        }
    }

    public static BusinessCalendar read(InputStream json) {
        try {
            return read(JsonFields.STRICT_MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw JsonFields.malformed("calendar", e);
        } catch (IOException e) {
            throw new ConfigurationException("calendar JSON could not be read: " + Require.quote(e.getMessage()), e);
        }
    }

    private static BusinessCalendar read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ConfigurationException("calendar JSON must be an object");
        }
        JsonFields.requireKeys(root, TOP, "calendar");
        String id = JsonFields.text(root, "id", "calendar");
        try {
            Require.id(id, "id"); // first, so that no message below carries a bad id; this one does not show it
        } catch (InvalidInputException e) {
            throw new ConfigurationException("calendar " + e.getMessage(), e);
        }
        // Every message below starts with this: a host loading many calendars must know which one is wrong.
        String cal = "calendar " + Require.quote(id);
        String zoneText = JsonFields.text(root, "zone", cal);
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new ConfigurationException(cal + ": unknown zone " + Require.quote(zoneText), e);
        }
        BusinessCalendar.Builder b = BusinessCalendar.builder(id, zone);
        JsonNode weekly = root.path("weekly");
        if (!weekly.isMissingNode()) {
            if (!weekly.isObject()) {
                throw new ConfigurationException(cal + ": \"weekly\" must be an object of day -> intervals");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = weekly.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = cal + " weekly " + Require.quote(e.getKey());
                DayOfWeek day;
                try {
                    day = DayOfWeek.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigurationException(where + ": unknown day", ex);
                }
                String[] intervals = strings(e.getValue(), where);
                apply(where, () -> b.open(day, intervals));
            }
        }
        for (JsonNode h : JsonFields.array(root, "holidays", cal)) {
            JsonFields.requireKeys(h, HOLIDAY, cal + " holiday");
            String name = JsonFields.text(h, "name", cal + " holiday");
            String where = cal + " holiday " + Require.quote(name);
            int forms = (h.has("annual") ? 1 : 0) + (h.has("date") ? 1 : 0) + (h.has("from") || h.has("to") ? 1 : 0);
            if (forms != 1) { // with two, one would be silently ignored
                throw new ConfigurationException(where + " needs exactly one of \"date\", \"from\"+\"to\" or"
                        + " \"annual\"");
            }
            if (h.has("annual")) {
                MonthDay day = monthDay(h, "annual", where);
                apply(cal, () -> b.annualHoliday(day, name));
            } else if (h.has("date")) {
                LocalDate date = date(h, "date", where);
                apply(cal, () -> b.holiday(date, name));
            } else {
                LocalDate from = date(h, "from", where);
                LocalDate to = date(h, "to", where);
                apply(cal, () -> b.holiday(from, to, name));
            }
        }
        for (JsonNode sd : JsonFields.array(root, "specialDays", cal)) {
            JsonFields.requireKeys(sd, SPECIAL, cal + " special day");
            String name = JsonFields.text(sd, "name", cal + " special day");
            String where = cal + " special day " + Require.quote(name);
            LocalDate date = date(sd, "date", where);
            String[] hours = strings(sd.path("hours"), where + " hours");
            apply(cal, () -> b.specialHours(date, name, hours));
        }
        return b.build();
    }

    /**
     * A builder call; its message (overlap, bad interval, bad date) gets where it came from in front: the calendar,
     * and the weekly key, as the builder's messages name holidays and special days but not the key.
     */
    private static void apply(String where, Runnable builderCall) {
        try {
            builderCall.run();
        } catch (SupportException | DateTimeException e) {
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    /** Any DateTimeException, not only a parse error: the message names the calendar, the entry and the field. */
    private static LocalDate date(JsonNode node, String key, String where) {
        String text = JsonFields.text(node, key, where);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new ConfigurationException(where + ": \"" + key + "\" must be a date such as 2027-03-21, was "
                    + Require.quote(text), e);
        }
    }

    private static MonthDay monthDay(JsonNode node, String key, String where) {
        String text = JsonFields.text(node, key, where);
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeException e) {
            throw new ConfigurationException(where + ": \"" + key + "\" must be a month and day such as 12-21, was "
                    + Require.quote(text), e);
        }
    }

    private static String[] strings(JsonNode v, String where) {
        if (!v.isArray()) {
            throw new ConfigurationException(where + " must be an array of \"HH:mm-HH:mm\"");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isTextual()) {
                throw new ConfigurationException(where + " must hold strings, found " + kind(n));
            }
            out.add(n.asText());
        }
        return out.toArray(String[]::new);
    }
}
