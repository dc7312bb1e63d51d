package io.supportkit.benchmarks.timer;

import io.supportkit.core.timer.TimerWheel;
import io.supportkit.time.VirtualClock;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@link TimerExpiryBenchmark#wheelExpireOnly} timed in CPU time of the measuring thread, for a machine shared with
 * other jobs: 1,000,000 timers spread over one virtual hour are scheduled (not timed), the clock moves one hour,
 * and one {@code advance()} fires them all in order (timed). Prints the best and the median of 9 rounds in ns per
 * timer and timers per second. Run: {@code java -Xms4g -Xmx4g -XX:+UseParallelGC -cp
 * benchmarks/target/benchmarks.jar io.supportkit.benchmarks.timer.TimerExpiryCpuTime}
 */
public final class TimerExpiryCpuTime {
    private static final int N = 1_000_000;
    private static final int ROUNDS = 9;

    private TimerExpiryCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long hour = TimeUnit.HOURS.toNanos(1);
        SplittableRandom random = new SplittableRandom(11);
        long[] delays = new long[N];
        for (int i = 0; i < N; i++) {
            delays[i] = random.nextLong(hour);
        }
        long[] fired = {0};
        Runnable count = () -> fired[0]++;
        double[] perTimer = new double[ROUNDS];
        for (int round = -2; round < ROUNDS; round++) { // two rounds of warm-up
            VirtualClock clock = VirtualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
            TimerWheel wheel = TimerWheel.builder().clock(clock).build();
            for (long d : delays) {
                wheel.scheduleTimerNanos(d, count);
            }
            clock.advance(Duration.ofHours(1));
            long before = fired[0];
            long start = threads.getCurrentThreadCpuTime();
            long ran = wheel.advance();
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (ran != N || fired[0] - before != N) {
                throw new IllegalStateException("fired " + ran + " of " + N);
            }
            if (round >= 0) {
                perTimer[round] = cpu / (double) N;
            }
        }
        Arrays.sort(perTimer);
        System.out.printf(Locale.ROOT, "expire only, 1,000,000 timers over one hour:"
                + " best %.1f ns/timer (%.1f million/s), median %.1f ns/timer (%.1f million/s)%n",
                perTimer[0], 1e3 / perTimer[0], perTimer[ROUNDS / 2], 1e3 / perTimer[ROUNDS / 2]);
    }
}
