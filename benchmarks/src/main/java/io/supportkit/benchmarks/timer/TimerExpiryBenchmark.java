package io.supportkit.benchmarks.timer;

import io.netty.util.HashedWheelTimer;
import io.supportkit.core.timer.TimerWheel;
import io.supportkit.time.VirtualClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Expiry throughput: how fast due timers run. Scores are ns per timer (1,000,000 timers per invocation);
 * timers per second = 1e9 / score.
 *
 * <ul>
 *   <li>{@code wheelExpireOnly}: 1,000,000 timers spread over one virtual hour are scheduled in the setup; the
 *   measured part advances the virtual clock by the hour and fires them all, in order.</li>
 *   <li>{@code *ScheduleAndFire}: schedule 1,000,000 timers that are due at once and wait until all ran, for the
 *   wheel and its two rivals (which run on their own worker thread and real time).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class TimerExpiryBenchmark {
    private static final int N = 1_000_000;
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private long[] delays;
    private VirtualClock clock;
    private TimerWheel wheel;
    private HashedWheelTimer netty;
    private ScheduledThreadPoolExecutor jdk;
    private long fired;

    @Setup(Level.Trial)
    public void setUpTrial() {
        SplittableRandom random = new SplittableRandom(11);
        delays = new long[N];
        for (int i = 0; i < N; i++) {
            delays[i] = random.nextLong(HOUR);
        }
        netty = new HashedWheelTimer(r -> {
            Thread t = new Thread(r, "netty-wheel");
            t.setDaemon(true);
            return t;
        }, 1, TimeUnit.MILLISECONDS, 512, false);
        netty.start();
        jdk = new ScheduledThreadPoolExecutor(1);
        jdk.setRemoveOnCancelPolicy(true);
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() {
        netty.stop();
        jdk.shutdownNow();
    }

    /** Fresh wheel with one hour of deadlines; not measured. */
    @Setup(Level.Invocation)
    public void fillWheel() {
        clock = VirtualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        wheel = TimerWheel.builder().clock(clock).build();
        Runnable count = () -> fired++;
        for (long d : delays) {
            wheel.scheduleTimerNanos(d, count);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long wheelExpireOnly() {
        clock.advance(Duration.ofHours(1));
        return wheel.advance();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long wheelScheduleAndFire() {
        TimerWheel w = TimerWheel.builder().clock(clock).build();
        Runnable count = () -> fired++;
        for (int i = 0; i < N; i++) {
            w.scheduleTimerNanos(0, count);
        }
        return w.advance();
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long nettyScheduleAndFire() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        int[] left = {N};
        for (int i = 0; i < N; i++) {
            netty.newTimeout(t -> {
                if (--left[0] == 0) {
                    done.countDown();
                }
            }, 0, TimeUnit.NANOSECONDS);
        }
        done.await();
        return left[0];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long jdkScheduleAndFire() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        int[] left = {N};
        Runnable task = () -> {
            if (--left[0] == 0) {
                done.countDown();
            }
        };
        for (int i = 0; i < N; i++) {
            jdk.schedule(task, 0, TimeUnit.NANOSECONDS);
        }
        done.await();
        return left[0];
    }
}
