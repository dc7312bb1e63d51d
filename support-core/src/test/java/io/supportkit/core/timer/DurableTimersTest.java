package io.supportkit.core.timer;

import io.supportkit.ConfigurationException;
import io.supportkit.InvalidInputException;
import io.supportkit.StorageException;
import io.supportkit.core.timer.spi.TimerRecord;
import io.supportkit.core.timer.spi.TimerStore;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurableTimersTest {
    private final VirtualClock clock = VirtualClock.at(Instant.parse("2026-08-05T09:00:00Z"));
    private final TimerStore store = TimerStore.inMemory();
    private final List<String> sent = new ArrayList<>();

    private DurableTimers timers(TimerWheel wheel) {
        return DurableTimers.builder().wheel(wheel).store(store)
                .handler("survey", t -> sent.add(t.payload()))
                .handler("flaky", t -> {
                    sent.add("try " + t.attempts());
                    if (t.attempts() < 2) {
                        throw new IllegalStateException("CRM down");
                    }
                })
                .retryDelay(Duration.ofMinutes(1))
                .build();
    }

    @Test
    void shouldPersistUntilFiredAndDeleteAfterTheHandlerReturns() {
        TimerWheel wheel = TimerWheel.builder().clock(clock).build();
        DurableTimers timers = timers(wheel);
        timers.schedule("survey:c1", "survey", "c1", clock.instant().plus(Duration.ofHours(1)));
        assertThat(store.loadAll()).extracting(TimerRecord::id).containsExactly("survey:c1");
        clock.advance(Duration.ofHours(1));
        wheel.advance();
        assertThat(sent).containsExactly("c1");
        assertThat(store.loadAll()).isEmpty();
        assertThat(timers.isScheduled("survey:c1")).isFalse();
    }

    @Test
    void shouldRearmStoredTimersAfterARestartAndFireOverdueOnes() {
        TimerWheel before = TimerWheel.builder().clock(clock).build();
        DurableTimers first = timers(before);
        first.schedule("survey:c1", "survey", "c1", clock.instant().plus(Duration.ofMinutes(10)));
        first.schedule("survey:c2", "survey", "c2", clock.instant().plus(Duration.ofDays(2)));
        // the process stops; a new wheel and service start on the same store an hour later
        clock.advance(Duration.ofHours(1));
        TimerWheel after = TimerWheel.builder().clock(clock).build();
        DurableTimers second = timers(after);
        assertThat(second.recover()).isEqualTo(2);
        after.advance();
        assertThat(sent).containsExactly("c1");
        clock.advance(Duration.ofDays(2));
        after.advance();
        assertThat(sent).containsExactly("c1", "c2");
    }

    @Test
    void shouldReplaceATimerScheduledAgainWithTheSameIdAndCancelById() {
        TimerWheel wheel = TimerWheel.builder().clock(clock).build();
        DurableTimers timers = timers(wheel);
        timers.schedule("s", "survey", "old", clock.instant().plusSeconds(60));
        timers.schedule("s", "survey", "new", clock.instant().plusSeconds(120));
        timers.schedule("t", "survey", "cancelled", clock.instant().plusSeconds(60));
        assertThat(timers.cancel("t")).isTrue();
        assertThat(timers.cancel("t")).isFalse();
        clock.advance(Duration.ofMinutes(5));
        wheel.advance();
        assertThat(sent).containsExactly("new");
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void shouldRetryAFailingHandlerWithBackoffAndKeepTheRecordMeanwhile() {
        TimerWheel wheel = TimerWheel.builder().clock(clock).build();
        DurableTimers timers = timers(wheel);
        timers.schedule("f", "flaky", "x", clock.instant());
        wheel.advance();
        assertThat(store.loadAll()).singleElement().extracting(TimerRecord::attempts).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        wheel.advance();                            // second failure: next retry after 2 minutes
        clock.advance(Duration.ofMinutes(1));
        wheel.advance();
        assertThat(sent).containsExactly("try 0", "try 1");
        clock.advance(Duration.ofMinutes(1));
        wheel.advance();
        assertThat(sent).containsExactly("try 0", "try 1", "try 2");
        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void shouldArmNothingWhenTheStoreAnswersRecoveryWithNulls() {
        TimerWheel wheel = TimerWheel.builder().clock(clock).build();
        TimerRecord good = new TimerRecord("survey:c1", "survey", "c1", clock.instant(), 0);
        List<TimerRecord> withANull = new ArrayList<>(List.of(good));
        withANull.add(null);
        for (List<TimerRecord> answer : java.util.Arrays.asList(null, withANull)) {
            DurableTimers timers = DurableTimers.builder().wheel(wheel).handler("survey", t -> sent.add(t.payload()))
                    .store(new TimerStore() {
                        @Override
                        public void save(TimerRecord record) {
                        }

                        @Override
                        public boolean delete(String id) {
                            return false;
                        }

                        @Override
                        public List<TimerRecord> loadAll() {
                            return answer;
                        }
                    }).build();
            assertThatThrownBy(timers::recover).isInstanceOf(StorageException.class).hasMessageContaining("null");
            assertThat(timers.size()).isZero();
            assertThat(wheel.pending()).isZero();
        }
    }

    @Test
    void shouldKeepRetryingARecordWhoseAttemptCountIsAtTheTop() {
        TimerWheel wheel = TimerWheel.builder().clock(clock).build();
        store.save(new TimerRecord("f", "flaky-forever", "x", clock.instant(), Integer.MAX_VALUE));
        DurableTimers timers = DurableTimers.builder().wheel(wheel).store(store)
                .handler("flaky-forever", t -> {
                    sent.add("try");
                    throw new IllegalStateException("CRM down");
                })
                .retryDelay(Duration.ofMinutes(1)).build();
        assertThat(timers.recover()).isOne();
        wheel.advance();
        clock.advance(Duration.ofHours(1));
        wheel.advance();
        assertThat(sent).containsExactly("try", "try");
        assertThat(timers.isScheduled("f")).isTrue();
        assertThat(store.loadAll()).singleElement().extracting(TimerRecord::attempts).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void shouldRejectUnknownKindsAndMissingConfiguration() {
        TimerWheel wheel = TimerWheel.builder().clock(clock).build();
        DurableTimers timers = timers(wheel);
        assertThatThrownBy(() -> timers.schedule("x", "nope", "", clock.instant()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope");
        assertThat(store.loadAll()).isEmpty();
        timers.schedule("survey:c1", "survey", "c1", clock.instant().plusSeconds(60));
        for (String malformed : new String[] {"", " ", "x".repeat(10_000), "a\nb", "\uD800"}) {
            assertThatThrownBy(() -> timers.cancel(malformed)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> timers.isScheduled(malformed)).isInstanceOf(InvalidInputException.class);
        }
        assertThat(timers.isScheduled("survey:c1")).isTrue();
        assertThat(store.loadAll()).hasSize(1);
        assertThatThrownBy(() -> DurableTimers.builder().wheel(wheel).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("handler");
        assertThatThrownBy(() -> DurableTimers.builder().handler("a", t -> { }).handler("a", t -> { }))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'a'");
    }
}
