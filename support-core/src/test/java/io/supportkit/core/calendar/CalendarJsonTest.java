package io.supportkit.core.calendar;

import io.supportkit.ConfigurationException;
import io.supportkit.internal.Require;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading calendars from JSON: strict, and every error says which calendar and which entry. */
class CalendarJsonTest {
    private static String cal(String body) {
        return "{\"id\":\"c\",\"zone\":\"UTC\"" + (body.isEmpty() ? "" : "," + body) + "}";
    }

    @Test
    void shouldRejectADateOutsideTheSupportedYearsAsConfiguration() {
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("\"holidays\":[{\"date\":\"+999999999-12-31\",\"name\":\"x\"}]")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("+999999999-12-31")
                .hasMessageContaining("1700 to 2259");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("\"specialDays\":[{\"date\":\"+99999-01-01\",\"name\":\"x\",\"hours\":[]}]")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("+99999-01-01");
    }

    @Test
    void shouldNameTheCalendarTheEntryAndTheFieldOfABadDate() {
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("\"holidays\":[{\"from\":\"2026-01-01\",\"to\":\"2026-13-01\",\"name\":\"x\"}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("calendar \"c\" holiday \"x\": \"to\" must be a date").hasMessageContaining("2026-13-01");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("\"holidays\":[{\"annual\":\"02-30\",\"name\":\"x\"}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("calendar \"c\" holiday \"x\": \"annual\" must be a month and day");
    }

    @Test
    void shouldRejectAKeyGivenTwiceAtAnyLevel() {
        assertThatThrownBy(() -> BusinessCalendar.fromJson("{\"id\":\"a\",\"id\":\"b\",\"zone\":\"UTC\"}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Duplicate field 'id'");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal(
                "\"weekly\":{\"monday\":[\"09:00-17:00\"]},\"weekly\":{\"tuesday\":[\"09:00-17:00\"]}")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Duplicate field 'weekly'");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal(
                "\"weekly\":{\"monday\":[\"09:00-10:00\"],\"monday\":[\"11:00-12:00\"]}")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Duplicate field 'monday'");
    }

    @Test
    void shouldRejectAnythingAfterTheCalendarObject() {
        for (String trailing : List.of(" garbage", " }}}")) {
            assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("") + trailing)).as(trailing)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("line 1");
            assertThatThrownBy(() -> BusinessCalendar.fromJson(stream(cal("") + trailing))).as(trailing)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("line 1");
        }
        for (String trailing : List.of(cal(""), " []", " 1")) {
            assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("") + trailing)).as(trailing)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("nothing after it");
            assertThatThrownBy(() -> BusinessCalendar.fromJson(stream(cal("") + trailing))).as(trailing)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("nothing after it");
        }
        assertThat(BusinessCalendar.fromJson(cal("") + " \n\t").id()).isEqualTo("c");   // whitespace is fine
    }

    @Test
    void shouldLeaveTheCallersStreamOpen() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(CalendarFixtures.TEHRAN_JSON.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };
        assertThat(BusinessCalendar.fromJson(in).id()).isEqualTo("tehran-support");
        assertThat(closed).isFalse();
    }

    @Test
    void shouldRejectAHolidayGivenInTwoFormsNamingIt() {
        for (String both : List.of("\"annual\":\"01-01\",\"date\":\"2026-05-01\"",
                "\"date\":\"2026-05-01\",\"from\":\"2026-05-01\",\"to\":\"2026-05-03\"",
                "\"annual\":\"01-01\",\"from\":\"2026-05-01\",\"to\":\"2026-05-03\"")) {
            assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("\"holidays\":[{" + both + ",\"name\":\"May day\"}]")))
                    .as(both).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("calendar \"c\" holiday \"May day\" needs exactly one of");
        }
    }

    @Test
    void shouldPrefixTheBuildersErrorsWithTheCalendarKeepingTheCause() {
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("\"weekly\":{\"monday\":[\"09:00-12:00\",\"11:00-13:00\"]}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("calendar \"c\" weekly \"monday\": opening intervals on MONDAY overlap")
                .cause().isInstanceOf(ConfigurationException.class).hasMessageStartingWith("opening intervals");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal(
                "\"holidays\":[{\"from\":\"2026-02-01\",\"to\":\"2026-01-01\",\"name\":\"x\"}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("calendar \"c\": holiday \"x\" ends before it starts");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("\"holidays\":[{\"date\":20260101,\"name\":\"x\"}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("calendar \"c\" holiday \"x\": \"date\" must be a string, was \"20260101\"");
    }

    @Test
    void shouldNeverRepeatAHugeOrMalformedValueInAMessage() {
        String big = "x".repeat(10 * 1024 * 1024);
        List<String> bad = List.of(
                "{\"id\":\"" + big + "\",\"zone\":\"UTC\"}",
                "{\"id\":\"\\ud800\",\"zone\":\"UTC\"}",
                "{\"id\":\"a\\ud800\",\"zone\":\"UTC\"}",
                cal("\"zone\":\"" + big + "\""),
                "{\"id\":\"c\",\"zone\":\"\\udc00" + big + "\"}",
                cal("\"weekly\":{\"monday\":[\"" + big + "\"]}"),
                cal("\"weekly\":{\"\\ud800" + "d".repeat(40_000) + "\":[]}"),
                cal("\"\\ud800" + "k".repeat(40_000) + "\":1"),
                cal("\"holidays\":[{\"date\":\"2026-01-01\",\"name\":\"" + big + "\"}]"),
                cal("\"holidays\":[{\"date\":\"" + big + "\",\"name\":\"x\"}]"),
                cal("\"holidays\":[\"" + big + "\"]"),
                cal("\"weekly\":{\"monday\":[[\"" + big + "\"]]}"),
                "{\"\\ud800" + "k".repeat(40_000) + "\":1,\"\\ud800" + "k".repeat(40_000) + "\":2}");
        for (String json : bad) {
            assertThatThrownBy(() -> BusinessCalendar.fromJson(json)).isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).as(Require.quote(e.getMessage())).hasSizeLessThan(500)
                            .satisfies(m -> assertThat(Require.firstUnpairedSurrogate(m)).isEqualTo(-1)));
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
