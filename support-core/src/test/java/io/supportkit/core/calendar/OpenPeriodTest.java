package io.supportkit.core.calendar;

import io.supportkit.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenPeriodTest {
    private static final Instant RANGE_START = Instant.parse("1700-01-01T00:00:00Z");
    private static final Instant RANGE_END = Instant.parse("2260-01-01T00:00:00Z");

    @Test
    void shouldRejectAPeriodOutsideTheSupportedRangeWithATypedException() {
        assertThatThrownBy(() -> new OpenPeriod(Instant.MIN, Instant.MAX)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must lie between 1700-01-01T00:00:00Z and 2260-01-01T00:00:00Z");
        assertThatThrownBy(() -> new OpenPeriod(RANGE_START.minusNanos(1), RANGE_END))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new OpenPeriod(RANGE_START, RANGE_END.plusNanos(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldShowTheWholeSupportedRangeInEveryZone() {
        OpenPeriod all = new OpenPeriod(RANGE_START, RANGE_END);
        for (ZoneId zone : new ZoneId[] {ZoneOffset.MIN, ZoneOffset.MAX, ZoneId.of("Pacific/Kiritimati")}) {
            assertThat(all.startIn(zone).toInstant()).isEqualTo(RANGE_START);
            assertThat(all.endIn(zone).toInstant()).isEqualTo(RANGE_END);
        }
    }
}
