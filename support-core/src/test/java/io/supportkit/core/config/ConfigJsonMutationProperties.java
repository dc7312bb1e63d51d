package io.supportkit.core.config;

import io.supportkit.SupportException;
import io.supportkit.core.calendar.BusinessCalendar;
import io.supportkit.core.sla.SlaPolicies;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calendars and SLA policies come from JSON a host writes by hand: whatever damage a file has (a value cut short,
 * a wrong type, a date that does not exist, stray characters), loading it either gives a valid object or throws
 * one of our typed exceptions; never a parser's, a JDK's or a NullPointerException.
 */
class ConfigJsonMutationProperties {
    private static final String CALENDAR = """
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

    private static final String POLICIES = """
        {"policies": [
          {"id": "vip",
           "when": {"customerTiers": ["vip"], "channels": ["whatsapp", "web"], "priorities": ["HIGH", "urgent"]},
           "calendar": "istanbul",
           "targets": [
             {"metric": "FIRST_RESPONSE", "duration": "PT30M", "basis": "BUSINESS"},
             {"metric": "FIRST_RESPONSE", "priority": "URGENT", "duration": "PT5M", "basis": "CALENDAR"},
             {"metric": "TOTAL_RESOLUTION", "duration": "PT24H", "basis": "BUSINESS"}
           ],
           "runningIn": {"AGENT_WORK": ["OPEN"]},
           "warnings": {"fractions": [0.5, 0.9], "before": ["PT2M"]},
           "onWarning": [{"notifySupervisor": "lead"}],
           "onBreach": [{"raisePriority": true}, {"reroute": "tier-2"}],
           "countBotReplies": true,
           "reassignIfNoReplyWithin": "PT10M"},
          {"id": "default",
           "targets": [{"metric": "FIRST_RESPONSE", "duration": "PT8H", "basis": "CALENDAR"}],
           "warnings": {}}
        ]}
        """;

    private static final Map<String, BusinessCalendar> CALENDARS = Map.of("istanbul",
            BusinessCalendar.builder("istanbul", ZoneId.of("Europe/Istanbul"))
                    .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, "09:00-18:00").build());

    /** Pieces a hand-edited file gets wrong: other types, other numbers, broken times and dates, broken JSON. */
    private static final String[] PIECES = {
        "", "\"\"", "null", "true", "0", "-1", "1e999", "99999999999999999999", "[]", "{}", "[null]", "{\"a\":1}",
        "\"25:00-26:00\"", "\"09:00-09:00\"", "\"12:00-08:00\"", "\"24:00-01:00\"", "\"2027-02-30\"", "\"13-45\"",
        "\"-P1D\"", "\"PT-5M\"", "\"P9999999999D\"", "\"PT0S\"", "\"Mars/Olympus\"", "\"+99:00\"", "\"NOPE\"",
        "\"\\ud800\"", "\"\\u0000\"", ",", ":", "]", "}", "\"", "\\", "[[[[", "1.5", "-0.5", "2", "NaN"};

    @Property(tries = 3000)
    void aDamagedCalendarLoadsOrIsRejectedWithATypedException(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                                @ForAll @IntRange(min = 1, max = 4) int damages) {
        String json = damage(CALENDAR, seed, damages);
        try {
            BusinessCalendar calendar = BusinessCalendar.fromJson(json);
            assertThat(calendar.id()).isNotNull();
            Statistics.collect("loaded");
        } catch (SupportException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            Statistics.collect(expected.getClass().getSimpleName());
        }
    }

    @Property(tries = 3000)
    void damagedPoliciesLoadOrAreRejectedWithATypedException(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                              @ForAll @IntRange(min = 1, max = 4) int damages) {
        String json = damage(POLICIES, seed, damages);
        try {
            SlaPolicies policies = SlaPolicies.fromJson(json, CALENDARS);
            assertThat(policies).isNotNull();
            Statistics.collect("loaded");
        } catch (SupportException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            Statistics.collect(expected.getClass().getSimpleName());
        }
    }

    /** Replaces a value, a token or a stretch of the text with one of the pieces, or cuts the text short. */
    private static String damage(String json, long seed, int damages) {
        SplittableRandom random = new SplittableRandom(seed);
        String text = json;
        for (int d = 0; d < damages && !text.isEmpty(); d++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> { // a quoted value or a number replaced
                    int start = text.indexOf(':', at);
                    if (start < 0) {
                        break;
                    }
                    int end = start + 1;
                    while (end < text.length() && ",}]\n".indexOf(text.charAt(end)) < 0) {
                        end++;
                    }
                    text = text.substring(0, start + 1) + " " + PIECES[random.nextInt(PIECES.length)]
                            + text.substring(end);
                }
                case 1 -> { // a string element replaced inside an array
                    int start = text.indexOf('"', at);
                    int end = start < 0 ? -1 : text.indexOf('"', start + 1);
                    if (end < 0) {
                        break;
                    }
                    text = text.substring(0, start) + PIECES[random.nextInt(PIECES.length)] + text.substring(end + 1);
                }
                case 2 -> { // a stretch deleted
                    int end = Math.min(text.length(), at + 1 + random.nextInt(12));
                    text = text.substring(0, at) + text.substring(end);
                }
                default -> text = text.substring(0, at); // cut short
            }
        }
        return text;
    }
}
