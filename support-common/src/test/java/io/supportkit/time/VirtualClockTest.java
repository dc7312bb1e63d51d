package io.supportkit.time;

import io.supportkit.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualClockTest {
    private final Instant start = Instant.parse("2026-08-05T09:00:00Z");

    @Test
    void shouldMoveOnlyWhenAdvanced() {
        VirtualClock clock = VirtualClock.at(start);
        assertThat(clock.instant()).isEqualTo(start);
        assertThat(clock.advance(Duration.ofMinutes(5))).isEqualTo(start.plusSeconds(300));
        assertThat(clock.instant()).isEqualTo(start.plusSeconds(300));
    }

    @Test
    void shouldRefuseToGoBackwardsAndKeepTheTime() {
        VirtualClock clock = VirtualClock.at(start);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> clock.set(start.minusMillis(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not go backwards");
        assertThat(clock.instant()).isEqualTo(start);
    }
}
