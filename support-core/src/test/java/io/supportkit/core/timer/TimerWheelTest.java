package io.supportkit.core.timer;

import io.supportkit.ConfigurationException;
import io.supportkit.ConflictException;
import io.supportkit.InvalidInputException;
import io.supportkit.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimerWheelTest {
    private final VirtualClock clock = VirtualClock.at(Instant.parse("2026-08-05T00:00:00Z"));
    private final TimerWheel wheel = TimerWheel.builder().clock(clock).build();

    @Test
    void shouldFireAWholeDayOfDeadlinesInOrderInOneAdvance() {
        SplittableRandom random = new SplittableRandom(42);
        List<Long> fired = new ArrayList<>();
        long dayMillis = Duration.ofDays(1).toMillis();
        for (int i = 0; i < 200_000; i++) {
            long at = random.nextLong(dayMillis);
            wheel.schedule(clock.instant().plusMillis(at), () -> fired.add(at));
        }
        clock.advance(Duration.ofDays(1));
        assertThat(wheel.advance()).isEqualTo(200_000);
        assertThat(fired).hasSize(200_000).isSorted();
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void shouldNeverFireBeforeTheDeadline() {
        List<String> fired = new ArrayList<>();
        wheel.schedule(clock.instant().plusNanos(1_500_000), () -> fired.add("a"));
        clock.advance(Duration.ofMillis(1));
        wheel.advance();
        assertThat(fired).isEmpty();
        clock.advance(Duration.ofNanos(499_999));
        wheel.advance();
        assertThat(fired).isEmpty();
        clock.advance(Duration.ofNanos(500_001));
        wheel.advance();
        assertThat(fired).containsExactly("a");
    }

    @Test
    void shouldFireDeadlinesInThePastAtTheNextAdvance() {
        List<String> fired = new ArrayList<>();
        clock.advance(Duration.ofHours(1));
        wheel.schedule(Instant.parse("2020-01-01T00:00:00Z"), () -> fired.add("late"));
        assertThat(wheel.advance()).isEqualTo(1);
        assertThat(fired).containsExactly("late");
    }

    @Test
    void shouldNotFireCancelledTimersAndFreeThemAtOnce() {
        List<String> fired = new ArrayList<>();
        Timeout a = wheel.scheduleAfter(Duration.ofDays(30), () -> fired.add("a"));
        wheel.scheduleAfter(Duration.ofDays(30), () -> fired.add("b"));
        assertThat(wheel.pending()).isEqualTo(2);
        assertThat(a.cancel()).isTrue();
        assertThat(a.cancel()).isFalse();
        assertThat(a.isPending()).isFalse();
        assertThat(wheel.pending()).isEqualTo(1);
        clock.advance(Duration.ofDays(31));
        wheel.advance();
        assertThat(fired).containsExactly("b");
    }

    @Test
    void shouldRunTimersThatTasksScheduleForNowInTheSameAdvance() {
        List<String> fired = new ArrayList<>();
        wheel.scheduleAfter(Duration.ofSeconds(1), () -> {
            fired.add("parent");
            wheel.scheduleAfter(Duration.ZERO, () -> fired.add("child"));
            wheel.scheduleAfter(Duration.ofHours(1), () -> fired.add("later"));
        });
        clock.advance(Duration.ofMinutes(1));
        assertThat(wheel.advance()).isEqualTo(2);
        assertThat(fired).containsExactly("parent", "child");
        assertThat(wheel.pending()).isEqualTo(1);
    }

    @Test
    void shouldIsolateAThrowingTaskAndIgnoreReentrantAdvance() {
        List<String> fired = new ArrayList<>();
        wheel.scheduleAfter(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        wheel.scheduleAfter(Duration.ofSeconds(2), () -> fired.add("reentrant advance returned " + wheel.advance()));
        clock.advance(Duration.ofSeconds(3));
        assertThat(wheel.advance()).isEqualTo(2);
        assertThat(fired).containsExactly("reentrant advance returned 0");
    }

    @Test
    void shouldNeverLetAStaleIdCancelTheTimerThatReusedItsEntry() {
        List<String> fired = new ArrayList<>();
        long first = wheel.scheduleTimer(clock.instant().plusSeconds(5), () -> fired.add("first"));
        assertThat(wheel.cancelTimer(first)).isTrue();
        // cancel and schedule until a timer takes the entry the first one had (entries are recycled)
        long second = TimerWheel.NO_TIMER;
        for (int i = 0; i < 10_000 && (int) second != (int) first; i++) {
            if (second != TimerWheel.NO_TIMER) {
                assertThat(wheel.cancelTimer(second)).isTrue();
            }
            second = wheel.scheduleTimer(clock.instant().plusSeconds(5), () -> fired.add("second"));
        }
        assertThat((int) second).as("same entry").isEqualTo((int) first);
        assertThat(second).isNotEqualTo(first);

        assertThat(wheel.cancelTimer(first)).isFalse();
        assertThat(wheel.isPending(first)).isFalse();
        assertThat(wheel.isPending(second)).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(wheel.advance()).isEqualTo(1);
        assertThat(fired).containsExactly("second");
        assertThat(wheel.cancelTimer(second)).as("already fired").isFalse();
    }

    @Test
    void shouldKeepEveryStaleIdHarmlessAfterAHundredThousandReusesOfItsEntry() {
        // schedule-and-fire reuses the entry just freed, so every timer here takes the same entry
        int reuses = 100_000;
        long[] ids = new long[reuses];
        int[] ran = new int[1];
        for (int i = 0; i < reuses; i++) {
            ids[i] = wheel.scheduleTimer(clock.instant(), () -> ran[0]++);
            if (i < reuses - 1) {
                assertThat(wheel.advance()).isEqualTo(1);
            }
        }
        assertThat((int) ids[reuses - 1]).as("same entry").isEqualTo((int) ids[0]);
        for (int i = 0; i < reuses - 1; i++) {
            assertThat(wheel.isPending(ids[i])).isFalse();
            assertThat(wheel.cancelTimer(ids[i])).isFalse();
        }
        assertThat(wheel.isPending(ids[reuses - 1])).isTrue();
        assertThat(wheel.advance()).isEqualTo(1);
        assertThat(ran[0]).isEqualTo(reuses);
    }

    @Test
    void shouldRetireAnEntryWhoseGenerationsAreUsedUpRatherThanIssueAnOldIdAgain() {
        // fresh entries start two generations before the end of the range: the entry is freed twice, then retired
        TimerWheel near = TimerWheel.builder().clock(clock).firstGenerationForTests(-8).build();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(near.scheduleTimer(clock.instant(), () -> { }));
            assertThat(near.advance()).isEqualTo(1);
        }
        assertThat(ids.subList(0, 2)).extracting(id -> (int) id.longValue()).as("entry reused while it has generations")
                .containsOnly((int) ids.get(0).longValue());
        assertThat((int) ids.get(2).longValue()).as("retired entry not reused").isNotEqualTo((int) ids.get(0).longValue());
        assertThat(ids).doesNotHaveDuplicates();
        long next = near.scheduleTimer(clock.instant().plusSeconds(1), () -> { });
        for (long stale : ids) {
            assertThat(near.cancelTimer(stale)).isFalse();
            assertThat(near.isPending(stale)).isFalse();
        }
        assertThat(near.isPending(next)).isTrue();

        // the same through cancel and compaction: cancelled entries are freed by the compaction, then retired
        TimerWheel churn = TimerWheel.builder().clock(clock).firstGenerationForTests(-8).build();
        List<Long> issued = new ArrayList<>();
        long live = churn.scheduleTimer(clock.instant().plusSeconds(10), () -> { });
        for (int i = 0; i < 10_000; i++) {
            long id = churn.scheduleTimer(clock.instant().plusSeconds(5), () -> { });
            issued.add(id);
            assertThat(churn.cancelTimer(id)).isTrue();
        }
        assertThat(issued).doesNotHaveDuplicates();
        for (long stale : issued) {
            assertThat(churn.cancelTimer(stale)).isFalse();
        }
        assertThat(churn.pending()).isEqualTo(1);
        assertThat(churn.cancelTimer(live)).isTrue();
    }

    @Test
    void shouldEitherRunOrCancelEachTimerWhenCancelsRaceTheExpiry() throws InterruptedException {
        int n = 200_000;
        long[] ids = new long[n];
        AtomicIntegerArray ran = new AtomicIntegerArray(n);
        AtomicIntegerArray cancelled = new AtomicIntegerArray(n);
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < n; i++) {
            int index = i;
            ids[i] = wheel.scheduleTimer(clock.instant().plusMillis(random.nextLong(1, 2_000)),
                    () -> ran.incrementAndGet(index));
        }
        List<Thread> cancellers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int seed = t;
            cancellers.add(new Thread(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                for (int k = 0; k < n; k++) {
                    int i = r.nextInt(n);
                    if (wheel.cancelTimer(ids[i])) {
                        cancelled.incrementAndGet(i);
                    }
                }
            }));
        }
        Thread driver = new Thread(() -> {
            for (int ms = 0; ms < 2_000; ms++) {
                clock.advance(Duration.ofMillis(1));
                wheel.advance();
            }
        });
        cancellers.forEach(Thread::start);
        driver.start();
        for (Thread c : cancellers) {
            c.join();
        }
        driver.join();
        wheel.advance();
        for (int i = 0; i < n; i++) {
            assertThat(ran.get(i) + cancelled.get(i)).as("timer %d ran or was cancelled, once", i).isEqualTo(1);
        }
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void shouldNeverRunADiscardedTimerWhenItsIdIsStillWaitingToBeChecked() {
        // one id at a time: far from a full batch, so each check below meets an id nothing has checked yet
        List<String> fired = new ArrayList<>();
        long kept = wheel.scheduleTimer(clock.instant().plusSeconds(1), () -> fired.add("kept"));
        wheel.discardTimer(wheel.scheduleTimer(clock.instant().plusSeconds(1), () -> fired.add("dropped")));
        clock.advance(Duration.ofSeconds(1));
        assertThat(wheel.advance()).isEqualTo(1);
        assertThat(fired).containsExactly("kept");
        assertThat(wheel.isPending(kept)).isFalse();

        long a = wheel.scheduleTimer(clock.instant().plusSeconds(1), () -> fired.add("a"));
        wheel.discardTimer(a);
        assertThat(wheel.isPending(a)).isFalse();
        long b = wheel.scheduleTimer(clock.instant().plusSeconds(1), () -> fired.add("b"));
        wheel.discardTimer(b);
        assertThat(wheel.cancelTimer(b)).as("already discarded").isFalse();
        long c = wheel.scheduleTimer(clock.instant().plusSeconds(1), () -> fired.add("c"));
        wheel.discardTimer(c);
        assertThat(wheel.pending()).isZero();
        wheel.discardTimer(wheel.scheduleTimer(clock.instant().plusSeconds(1), () -> fired.add("d")));
        assertThat(wheel.nextWakeUp()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(wheel.advance()).isZero();
        assertThat(fired).containsExactly("kept");
    }

    @Test
    void shouldCountDiscardsAtOnceWhetherOrNotTheirBatchIsFull() {
        for (int batch : new int[] {1, 63, 64, 65, 1000}) {
            TimerWheel w = TimerWheel.builder().clock(clock).build();
            long[] ids = new long[2 * batch];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = w.scheduleTimer(clock.instant().plusSeconds(1 + i % 7), () -> { });
            }
            for (int i = 0; i < batch; i++) {
                w.discardTimer(ids[2 * i]);
                w.discardTimer(ids[2 * i]); // twice: counted once
            }
            assertThat(w.pending()).as("batch %d", batch).isEqualTo(batch);
            clock.advance(Duration.ofSeconds(8));
            assertThat(w.advance()).as("batch %d", batch).isEqualTo(batch);
        }
    }

    @Test
    void shouldIgnoreDiscardsOfStaleIdsWhenTheirEntriesWereReused() {
        List<String> fired = new ArrayList<>();
        long first = wheel.scheduleTimer(clock.instant(), () -> fired.add("first"));
        assertThat(wheel.advance()).isEqualTo(1);
        // expiry hands the entry just freed to the next schedule
        long second = wheel.scheduleTimer(clock.instant().plusSeconds(1), () -> fired.add("second"));
        assertThat((int) second).as("same entry").isEqualTo((int) first);
        wheel.discardTimer(first);
        wheel.discardTimer(TimerWheel.NO_TIMER);
        wheel.discardTimer(-1L);

        assertThat(wheel.isPending(second)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(wheel.advance()).isEqualTo(1);
        assertThat(fired).containsExactly("first", "second");
    }

    @Test
    void shouldReclaimDiscardedEntriesByCompactionInsteadOfGrowing() {
        // a steady churn through discards: the arrays must stay as small as with cancels
        long live = wheel.scheduleTimer(clock.instant().plusSeconds(10), () -> { });
        long[] ring = new long[500];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = wheel.scheduleTimer(clock.instant().plusSeconds(5), () -> { });
        }
        int highestEntry = 0;
        for (int i = 0; i < 200_000; i++) {
            int k = i % ring.length;
            wheel.discardTimer(ring[k]);
            ring[k] = wheel.scheduleTimer(clock.instant().plusSeconds(5), () -> { });
            highestEntry = Math.max(highestEntry, (int) ring[k]);
        }
        assertThat(wheel.pending()).isEqualTo(ring.length + 1);
        assertThat(highestEntry).as("entries stay within the first arrays (1024)").isLessThan(1024);
        assertThat(wheel.isPending(live)).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(wheel.advance()).isEqualTo(ring.length + 1);
    }

    @Test
    void shouldRefuseIdsItNeverIssued() {
        assertThat(wheel.cancelTimer(TimerWheel.NO_TIMER)).isFalse();
        assertThat(wheel.cancelTimer(-1L)).isFalse();
        assertThat(wheel.cancelTimer(Long.MAX_VALUE)).isFalse();
        assertThat(wheel.isPending(12345L)).isFalse();
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void shouldNotTakeAnotherWheelsIdForOneOfItsOwn() {
        // every wheel numbers its entries alike; only the random first generation tells their ids apart
        for (int i = 0; i < 20; i++) {
            TimerWheel other = TimerWheel.builder().clock(clock).build();
            TimerWheel mine = TimerWheel.builder().clock(clock).build();
            long foreign = other.scheduleTimer(clock.instant().plusSeconds(60), () -> { });
            long own = mine.scheduleTimer(clock.instant().plusSeconds(60), () -> { });
            assertThat((int) foreign).isEqualTo((int) own); // the same entry in each wheel
            assertThat(mine.cancelTimer(foreign)).isFalse();
            mine.discardTimer(foreign);
            assertThat(mine.isPending(own)).isTrue();
            assertThat(mine.pending()).isOne();
        }
    }

    @Test
    void shouldHoldDeadlinesBeyondTheHorizonAtItAndFireThemThere() {
        Instant origin = clock.instant();
        Instant horizon = origin.plusNanos(Long.MAX_VALUE / 2 / 1_000_000 * 1_000_000); // 2^62 ns, in whole ticks
        Instant in200Years = origin.plus(Duration.ofDays(200 * 365));
        List<String> fired = new ArrayList<>();
        Timeout never = wheel.schedule(Instant.MAX, () -> fired.add("Instant.MAX"));
        Timeout later = wheel.schedule(in200Years, () -> fired.add("200 years"));
        Timeout maxNanos = wheel.scheduleNanos(Long.MAX_VALUE, () -> fired.add("Long.MAX_VALUE ns"));
        Timeout hugeDelay = wheel.scheduleAfter(Duration.ofSeconds(Long.MAX_VALUE), () -> fired.add("huge delay"));
        Timeout in140Years = wheel.scheduleAfter(Duration.ofDays(140 * 365), () -> fired.add("140 years"));

        assertThat(List.of(never, later, maxNanos, hugeDelay)).extracting(Timeout::deadline).containsOnly(horizon);
        assertThat(wheel.nanosSinceOrigin(in200Years)).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(wheel.nanosSinceOrigin(Instant.MAX)).isEqualTo(Long.MAX_VALUE / 2);
        assertThat(wheel.nanosSinceOrigin(Instant.MIN)).isEqualTo(-(Long.MAX_VALUE / 2));

        clock.set(origin.plus(Duration.ofDays(141 * 365)));
        wheel.advance();
        assertThat(fired).containsExactly("140 years");
        clock.set(horizon.minusNanos(1));
        wheel.advance();
        assertThat(fired).containsExactly("140 years");
        clock.set(Instant.MAX);
        assertThat(wheel.advance()).isEqualTo(4);
        assertThat(fired).containsExactlyInAnyOrder("140 years", "Instant.MAX", "200 years", "Long.MAX_VALUE ns",
                "huge delay");
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void shouldAnswerInInstantsEvenWhenItsOriginIsAtTheEndOfTime() {
        VirtualClock endOfTime = VirtualClock.at(Instant.MAX.minusSeconds(1));
        TimerWheel late = TimerWheel.builder().clock(endOfTime).build();
        Timeout t = late.scheduleAfter(Duration.ofDays(1), () -> { });
        assertThat(t.deadline()).isEqualTo(Instant.MAX);
        assertThat(late.nextWakeUp()).contains(Instant.MAX);
        assertThat(late.advance()).isZero();
    }

    @Test
    void shouldKeepItsTimeWhenTheClockStepsBackAndFireWhatIsDueBeforeItAsOverdue() {
        Instant[] reading = {Instant.parse("2026-08-05T09:00:00Z")};
        TimerWheel w = TimerWheel.builder().clock(() -> reading[0]).build();
        assertThat(w.time()).isEqualTo(reading[0]);
        reading[0] = Instant.parse("2026-08-06T09:00:00.0004Z");
        w.advance();
        assertThat(w.time()).isEqualTo(Instant.parse("2026-08-06T09:00:00Z")); // whole ticks of 1 ms
        reading[0] = Instant.parse("2026-08-05T09:00:00Z");
        w.advance();
        assertThat(w.time()).isEqualTo(Instant.parse("2026-08-06T09:00:00Z"));
        List<String> fired = new ArrayList<>();
        w.schedule(reading[0].plusSeconds(600), () -> fired.add("before the wheel's time"));
        w.schedule(w.time().plusSeconds(600), () -> fired.add("after it"));
        assertThat(w.advance()).isOne();
        assertThat(fired).containsExactly("before the wheel's time");
    }

    @Test
    void shouldGrowPastItsFirstArraysAndFireEveryTimerInOrder() {
        int n = 100_000;
        long[] ids = new long[n];
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = (int) ((i * 7919L) % n); // every millisecond 0..n-1 once, scheduled out of order
            ids[i] = wheel.scheduleTimer(clock.instant().plusMillis(at + 1), () -> fired.add(at));
        }
        for (int i = 0; i < n; i += 2) {
            assertThat(wheel.cancelTimer(ids[i])).isTrue();
        }
        assertThat(wheel.pending()).isEqualTo(n / 2);
        clock.advance(Duration.ofMillis(n + 1));
        assertThat(wheel.advance()).isEqualTo(n / 2);
        assertThat(fired).hasSize(n / 2).isSorted();
    }

    @Test
    void shouldTellTheHostWhenToWakeUp() {
        assertThat(wheel.nextWakeUp()).isEmpty();
        Instant due = clock.instant().plusMillis(5);
        wheel.schedule(due, () -> { });
        assertThat(wheel.nextWakeUp()).hasValueSatisfying(t -> assertThat(t).isBeforeOrEqualTo(due));
        Timeout far = wheel.scheduleAfter(Duration.ofDays(400), () -> { });
        assertThat(far.deadline()).isEqualTo(clock.instant().plus(Duration.ofDays(400)));
    }

    @Test
    void shouldNotWakeTheHostForCancelledTimers() {
        Instant soon = clock.instant().plusMillis(5);
        long cancelled = wheel.scheduleTimer(soon, () -> { });
        Instant later = clock.instant().plusSeconds(30);
        wheel.scheduleTimer(later, () -> { });
        assertThat(wheel.cancelTimer(cancelled)).isTrue();
        assertThat(wheel.nextWakeUp()).hasValueSatisfying(t -> assertThat(t).isAfter(soon).isBeforeOrEqualTo(later));
    }

    @Test
    void shouldKeepFiringInDeadlineOrderAcrossCompactions() {
        // far more cancels than the first arrays hold entries, so cancelled entries are reclaimed by compactions
        List<Long> fired = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        long[] live = new long[500];
        for (int i = 0; i < 200_000; i++) {
            long at = 1 + random.nextLong(3_600_000);
            int slot = random.nextInt(live.length);
            if (live[slot] != TimerWheel.NO_TIMER) {
                assertThat(wheel.cancelTimer(live[slot])).isTrue();
            }
            live[slot] = wheel.scheduleTimer(clock.instant().plusMillis(at), () -> fired.add(at));
        }
        assertThat(wheel.pending()).isEqualTo(live.length);
        clock.advance(Duration.ofHours(2));
        assertThat(wheel.advance()).isEqualTo(live.length);
        assertThat(fired).hasSize(live.length).isSorted();
        assertThat(wheel.pending()).isZero();
        assertThat(wheel.nextWakeUp()).isEmpty();
    }

    @Test
    void shouldCompactArraysWhoseSizeIsNotAMultipleOfTheCompactionBlock() {
        // 7,700 timers grow the arrays to 7,776 entries (121.5 blocks of 64): the last block is partial, and the
        // entries cancelled in it must be reclaimed like any other
        int n = 7_700;
        long[] ids = new long[n];
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = i;
            ids[i] = wheel.scheduleTimer(clock.instant().plusMillis(1 + (i * 7919L) % n), () -> fired.add(at));
        }
        for (int i = 0; i < n; i++) {
            if (i % 3 != 0) {
                assertThat(wheel.cancelTimer(ids[i])).isTrue();
            }
        }
        // the timers took entries 1..7,700; the next schedules use up the 75 spare entries 7,701..7,775, then
        // take exactly the entries the compaction reclaimed, the last block's included, before any growth
        java.util.Set<Integer> expectedEntries = new java.util.TreeSet<>();
        for (int e = n + 1; e < 7_776; e++) {
            expectedEntries.add(e);
        }
        for (int i = 0; i < n; i++) {
            if (i % 3 != 0) {
                expectedEntries.add(i + 1);
            }
        }
        List<Long> later = new ArrayList<>();
        for (int i = 0; i < expectedEntries.size(); i++) {
            int at = n + i;
            later.add(wheel.scheduleTimer(clock.instant().plusMillis(1 + n + i), () -> fired.add(at)));
        }
        assertThat(later).extracting(id -> (int) id.longValue()).as("entries reused")
                .containsExactlyInAnyOrderElementsOf(expectedEntries);
        for (int i = 0; i < n; i++) {
            assertThat(wheel.isPending(ids[i])).isEqualTo(i % 3 == 0);
        }
        long expected = (n + 2) / 3 + later.size();
        assertThat(wheel.pending()).isEqualTo(expected);
        clock.advance(Duration.ofMillis(2L * n + 5_000));
        assertThat(wheel.advance()).isEqualTo(expected);
        List<Integer> want = new ArrayList<>();
        for (int i = 0; i < n; i += 3) {
            want.add(i);
        }
        for (int i = 0; i < later.size(); i++) {
            want.add(n + i);
        }
        assertThat(fired).containsExactlyInAnyOrderElementsOf(want);
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void shouldBeDrivenByAHostScheduler() throws InterruptedException {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        try {
            CountDownLatch done = new CountDownLatch(1);
            wheel.scheduleAfter(Duration.ofMinutes(10), done::countDown);
            AutoCloseable driving = wheel.driveWith(scheduler, Duration.ofMillis(1));
            clock.advance(Duration.ofMinutes(10));
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(wheel.pending()).isZero();
            try {
                driving.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void shouldRejectBadConfigurationAndArguments() {
        assertThatThrownBy(() -> TimerWheel.builder().build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("clock");
        assertThatThrownBy(() -> TimerWheel.builder().clock(clock).tick(Duration.ofHours(1)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("PT1H");
        assertThatThrownBy(() -> wheel.scheduleAfter(Duration.ofSeconds(-1), () -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> wheel.schedule(null, () -> { })).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deadline");
        assertThatThrownBy(() -> TimerWheel.builder().clock(() -> null).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("clock returned null");
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        assertThatThrownBy(() -> wheel.driveWith(scheduler, Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most a day");
        scheduler.shutdown();
        assertThatThrownBy(() -> wheel.driveWith(scheduler, Duration.ofMillis(1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("shut down");
        assertThat(wheel.pending()).isZero();
    }

    @Test
    void shouldKeepCountsRightUnderConcurrentScheduleAndCancel() throws InterruptedException {
        int threads = 4;
        int perThread = 50_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            workers.add(new Thread(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                List<Timeout> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(wheel.scheduleAfter(Duration.ofMillis(r.nextLong(1, 100_000)), () -> { }));
                    if (i % 2 == 1) {
                        mine.get(i - 1).cancel();
                    }
                }
            }));
        }
        Thread driver = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                wheel.advance();
            }
        });
        workers.forEach(Thread::start);
        driver.start();
        for (Thread w : workers) {
            w.join();
        }
        driver.join();
        assertThat(wheel.pending()).isEqualTo((long) threads * perThread / 2);
        clock.advance(Duration.ofMinutes(5));
        assertThat(wheel.advance()).isEqualTo((long) threads * perThread / 2);
    }

    @Test
    void shouldNeverRunATimerThatAnotherThreadDiscarded() throws InterruptedException {
        List<String> fired = new ArrayList<>();
        long id = wheel.scheduleTimer(clock.instant().plusSeconds(1), () -> fired.add("discarded"));
        // the id reaches the other thread through Thread.start, as a host's queue or lock would hand it over
        Thread discarder = new Thread(() -> wheel.discardTimer(id));
        discarder.start();
        discarder.join();

        assertThat(wheel.isPending(id)).isFalse();
        assertThat(wheel.pending()).isZero();
        assertThat(wheel.cancelTimer(id)).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(wheel.advance()).isZero();
        assertThat(fired).isEmpty();
    }

    @Test
    void shouldRunEveryTimerThatNoOtherThreadDiscardedAndNoneThatOneDid() throws InterruptedException {
        // one thread schedules, another discards every odd-numbered timer as its id is handed over, a third advances
        int timers = 100_000;
        BlockingQueue<Integer> handOver = new ArrayBlockingQueue<>(1_024);
        AtomicIntegerArray runs = new AtomicIntegerArray(timers);
        long[] ids = new long[timers];
        Thread scheduler = new Thread(() -> {
            for (int i = 0; i < timers; i++) {
                int n = i;
                ids[i] = wheel.scheduleTimer(clock.instant().plusSeconds(1 + i % 7), () -> runs.incrementAndGet(n));
                try {
                    handOver.put(i);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        Thread discarder = new Thread(() -> {
            for (int i = 0; i < timers; i++) {
                try {
                    int n = handOver.take();
                    if (n % 2 == 1) {
                        wheel.discardTimer(ids[n]); // the id was written before it was handed over
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        Thread driver = new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                wheel.advance(); // checks the discards recorded so far while both threads run; nothing is due yet
            }
        });
        scheduler.start();
        discarder.start();
        driver.start();
        scheduler.join();
        discarder.join();
        driver.join();

        assertThat(wheel.pending()).isEqualTo(timers / 2);
        clock.advance(Duration.ofSeconds(8));
        assertThat(wheel.advance()).isEqualTo(timers / 2);
        for (int i = 0; i < timers; i++) {
            assertThat(runs.get(i)).as("runs of timer %d", i).isEqualTo(i % 2 == 1 ? 0 : 1);
        }
    }
}
