package io.supportkit.core.calendar.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.supportkit.ConfigurationException;
import io.supportkit.core.internal.JsonFields;
import io.supportkit.SupportException;
import io.supportkit.core.calendar.BusinessCalendar;

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
    /**
     * Strict where a lenient parser would silently pick: a key given twice (which "weekly" or which "id" wins?) and
     * anything after the calendar object are errors. The caller's stream is left open, as
     * {@link BusinessCalendar#fromJson(InputStream)} documents.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    private static final Set<String> TOP = Set.of("id", "zone", "weekly", "holidays", "specialDays");
    private static final Set<String> HOLIDAY = Set.of("date", "from", "to", "annual", "name");
    private static final Set<String> SPECIAL = Set.of("date", "name", "hours");

    private CalendarJsonReader() {
    }

    public static BusinessCalendar read(String json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    public static BusinessCalendar read(InputStream json) {
        try {
            return read(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new ConfigurationException("calendar JSON could not be read: " + e.getMessage(), e);
        }
    }

    private static ConfigurationException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            return new ConfigurationException("calendar JSON must hold one object and nothing after it, found more"
                    + where, e);
        }
        return new ConfigurationException("calendar JSON is malformed" + where + ": " + e.getOriginalMessage(), e);
    }

    private static BusinessCalendar read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ConfigurationException("calendar JSON must be an object");
        }
        JsonFields.requireKeys(root, TOP, "calendar");
        String id = JsonFields.text(root, "id", "calendar");
        String zoneText = JsonFields.text(root, "zone", "calendar " + id);
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new ConfigurationException("calendar " + id + ": unknown zone '" + zoneText + "'", e);
        }
        try {
            BusinessCalendar.Builder b = BusinessCalendar.builder(id, zone);
            JsonNode weekly = root.path("weekly");
            if (!weekly.isMissingNode()) {
                if (!weekly.isObject()) {
                    throw new ConfigurationException("calendar " + id + ": weekly must be an object of day -> intervals");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = weekly.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    DayOfWeek day;
                    try {
                        day = DayOfWeek.valueOf(e.getKey().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException ex) {
                        throw new ConfigurationException("calendar " + id + ": unknown day '" + e.getKey() + "'", ex);
                    }
                    b.open(day, strings(e.getValue(), "weekly." + e.getKey(), id).toArray(String[]::new));
                }
            }
            for (JsonNode h : array(root, "holidays", id)) {
                JsonFields.requireKeys(h, HOLIDAY, "calendar " + id + " holiday");
                String name = JsonFields.text(h, "name", "calendar " + id + " holiday");
                String where = "calendar " + id + " holiday '" + name + "'";
                int forms = (h.has("annual") ? 1 : 0) + (h.has("date") ? 1 : 0) + (h.has("from") || h.has("to") ? 1 : 0);
                if (forms > 1) { // with two, one would be silently ignored
                    throw new ConfigurationException(where + " needs exactly one of \"date\", \"from\"+\"to\" or \"annual\"");
                }
                if (h.has("annual")) {
                    b.annualHoliday(monthDay(h, "annual", where), name);
                } else if (h.has("date")) {
                    b.holiday(date(h, "date", where), name);
                } else if (h.has("from") && h.has("to")) {
                    b.holiday(date(h, "from", where), date(h, "to", where), name);
                } else {
                    throw new ConfigurationException("calendar " + id + " holiday '" + name
                            + "' needs \"date\", \"from\"+\"to\" or \"annual\"");
                }
            }
            for (JsonNode s : array(root, "specialDays", id)) {
                JsonFields.requireKeys(s, SPECIAL, "calendar " + id + " special day");
                String name = JsonFields.text(s, "name", "calendar " + id + " special day");
                b.specialHours(date(s, "date", "calendar " + id + " special day '" + name + "'"), name,
                        strings(s.path("hours"), "specialDays." + name + ".hours", id).toArray(String[]::new));
            }
            return b.build();
        } catch (ConfigurationException e) {
            throw e;
        } catch (SupportException e) {
            throw new ConfigurationException("calendar " + id + ": " + e.getMessage(), e);
        }
    }



    /** Any DateTimeException, not only a parse error: the message names the calendar, the entry and the field. */
    private static LocalDate date(JsonNode node, String key, String where) {
        String text = JsonFields.text(node, key, where);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new ConfigurationException(where + ": \"" + key + "\" must be a date such as 2027-03-21, was '"
                    + text + "'", e);
        }
    }

    private static MonthDay monthDay(JsonNode node, String key, String where) {
        String text = JsonFields.text(node, key, where);
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeException e) {
            throw new ConfigurationException(where + ": \"" + key + "\" must be a month and day such as 12-21, was '"
                    + text + "'", e);
        }
    }

    private static List<JsonNode> array(JsonNode root, String key, String id) {
        JsonNode v = root.path(key);
        List<JsonNode> out = new ArrayList<>();
        if (v.isMissingNode()) {
            return out;
        }
        if (!v.isArray()) {
            throw new ConfigurationException("calendar " + id + ": \"" + key + "\" must be an array");
        }
        v.forEach(out::add);
        return out;
    }

    private static List<String> strings(JsonNode v, String where, String id) {
        if (!v.isArray()) {
            throw new ConfigurationException("calendar " + id + ": " + where + " must be an array of \"HH:mm-HH:mm\"");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isTextual()) {
                throw new ConfigurationException("calendar " + id + ": " + where + " must hold strings, found " + n);
            }
            out.add(n.asText());
        }
        return out;
    }
}
