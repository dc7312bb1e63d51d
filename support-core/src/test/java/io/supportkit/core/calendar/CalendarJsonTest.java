package io.supportkit.core.calendar;

import io.supportkit.ConfigurationException;
import org.junit.jupiter.api.Test;

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
                .hasMessageContaining("calendar c holiday 'x': \"to\" must be a date").hasMessageContaining("2026-13-01");
        assertThatThrownBy(() -> BusinessCalendar.fromJson(cal("\"holidays\":[{\"annual\":\"02-30\",\"name\":\"x\"}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("calendar c holiday 'x': \"annual\" must be a month and day");
    }
}
